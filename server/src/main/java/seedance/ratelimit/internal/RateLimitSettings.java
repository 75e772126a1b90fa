package seedance.ratelimit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The account limit: at most {@code limit} admitted requests in any trailing {@code window}. */
@ConfigurationProperties("seedance.rate-limit")
record RateLimitSettings(@DefaultValue("30") int limit, @DefaultValue("60s") Duration window) {}
