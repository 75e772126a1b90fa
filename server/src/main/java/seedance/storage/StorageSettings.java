package seedance.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code linkTtl}: how long a signed download link works (SEEDANCE_LINK_TTL). */
@ConfigurationProperties("seedance.storage")
public record StorageSettings(@DefaultValue("1h") Duration linkTtl) {}
