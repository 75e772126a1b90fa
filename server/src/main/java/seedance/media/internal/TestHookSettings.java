package seedance.media.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Test-only loosening of media fetching, so end-to-end tests can serve media from loopback HTTPS
 * servers (SEEDANCE_TEST_HOOKS=1). {@code hostMap} answers name lookups (nothing else resolves),
 * {@code allowedRanges} lets those loopback addresses pass, {@code trustStore} (PKCS12) replaces
 * the trusted CAs, and {@code httpsPortOverride} sends port-443 connections to the test server's
 * port. The server refuses to start with them unless it listens on loopback only (R-SSRF-9).
 */
@ConfigurationProperties("seedance.test-hooks")
record TestHookSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue Map<String, String> hostMap,
    @DefaultValue List<String> allowedRanges,
    Path trustStore,
    @DefaultValue("") String trustStorePassword,
    @DefaultValue("0") int httpsPortOverride) {}
