package seedance.credit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandboxCredits}: the play money every account's sandbox book starts with
 * (SEEDANCE_SANDBOX_CREDITS).
 */
@ConfigurationProperties("seedance.credit")
public record CreditSettings(@DefaultValue("1000") long sandboxCredits) {}
