package seedance.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every module may read, from the environment: SEEDANCE_DATA_DIR, SEEDANCE_PUBLIC_URL,
 * SEEDANCE_ADMIN_TOKEN and SEEDANCE_SECRET (the key-hashing pepper; generated into the data
 * directory when unset).
 */
@ConfigurationProperties("seedance")
public record ServerSettings(Path dataDir, String publicUrl, String adminToken, String secret) {}
