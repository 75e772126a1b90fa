package seedance.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurlCommandTest {

  @Test
  void repeatsThePostWithTheKeyFromTheEnvironmentAndAFreshIdempotencyKey() {
    String curl =
        CurlCommand.of(
            "https://video.example.com/", "{\"prompt\":\"a fox\"}", null, "0f8fad5b-d9cb");

    assertThat(curl)
        .isEqualTo(
            """
            curl -X POST 'https://video.example.com/api/v1/video/seedance2' \\
              -H "Authorization: Bearer $SEEDANCE_API_KEY" \\
              -H 'Content-Type: application/json' \\
              -H 'Idempotency-Key: 0f8fad5b-d9cb' \\
              -d '{"prompt":"a fox"}'""");
  }

  @Test
  void quotesPromptsWithApostrophesForTheShell() {
    assertThat(CurlCommand.quote("{\"prompt\":\"the fox's $HOME `ls`\"}"))
        .isEqualTo("'{\"prompt\":\"the fox'\\''s $HOME `ls`\"}'");
  }

  @Test
  void keepsTheSandboxHeaderOfAFailedTestTask() {
    assertThat(CurlCommand.of("http://localhost:8080", "{}", "failed"))
        .contains("-H 'X-Sandbox-Outcome: failed'")
        .containsPattern("Idempotency-Key: [0-9a-f-]{36}'");
  }

  @Test
  void everyViewGetsANewIdempotencyKey() {
    assertThat(CurlCommand.of("http://h", "{}", null))
        .isNotEqualTo(CurlCommand.of("http://h", "{}", null));
  }
}
