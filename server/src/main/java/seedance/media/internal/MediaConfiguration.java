package seedance.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import seedance.media.FetchLimits;
import seedance.media.FetchTestHooks;
import seedance.media.Resolver;
import seedance.media.SafeFetcher;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MediaConfiguration.class);

  /** The system resolver, the JVM's trusted CAs, and the documented limits; or the test hooks. */
  @Bean
  SafeFetcher safeFetcher(TestHookSettings hooks, @Value("${server.address:}") String serverAddress)
      throws Exception {
    if (!hooks.enabled()) {
      return SafeFetcher.withSystemDefaults(FetchLimits.defaults());
    }
    requireLoopbackOnly(serverAddress);
    log.warn(
        "SEEDANCE_TEST_HOOKS is on: media fetching trusts test hosts {}", hooks.hostMap().keySet());
    return new SafeFetcher(
        hostMap(hooks),
        FetchLimits.defaults(),
        trust(hooks),
        new FetchTestHooks(hooks.allowedRanges(), hooks.httpsPortOverride()));
  }

  /** R-SSRF-9: loosened fetching is only for a server nobody but the test can reach. */
  private static void requireLoopbackOnly(String serverAddress) throws UnknownHostException {
    if (serverAddress.isBlank() || !InetAddress.getByName(serverAddress).isLoopbackAddress()) {
      throw new IllegalStateException(
          "SEEDANCE_TEST_HOOKS needs the server bound to loopback (SERVER_ADDRESS=127.0.0.1)");
    }
  }

  private static Resolver hostMap(TestHookSettings hooks) throws UnknownHostException {
    var answers = new HashMap<String, List<List<InetAddress>>>();
    for (var entry : hooks.hostMap().entrySet()) {
      answers.put(entry.getKey(), List.of(List.of(InetAddress.getByName(entry.getValue()))));
    }
    return Resolver.hostMap(answers);
  }

  private static SSLContext trust(TestHookSettings hooks)
      throws IOException, GeneralSecurityException {
    if (hooks.trustStore() == null) {
      return SSLContext.getDefault();
    }
    var store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(hooks.trustStore())) {
      store.load(in, hooks.trustStorePassword().toCharArray());
    }
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    var context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
