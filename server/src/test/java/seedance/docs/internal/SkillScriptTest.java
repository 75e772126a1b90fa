package seedance.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import seedance.testing.Api;
import seedance.testing.ApiTest;

/**
 * The skill's curl steps, copied out of the served skill file and run with bash against the running
 * server, submit a job, poll it to the end and download a real MP4.
 */
@TestPropertySource(properties = "seedance.worker.enabled=true")
class SkillScriptTest extends ApiTest {

  private static final Pattern BASH_BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);

  @Test
  void theSkillsCurlStepsRenderAndDownloadAVideo(@TempDir Path dir) throws Exception {
    String skill = api().send("GET", "/downloads/seedance-skill.md", Map.of(), null).text();
    var blocks = new ArrayList<String>();
    BASH_BLOCK.matcher(skill).results().forEach(m -> blocks.add(m.group(1)));
    String submit = only(blocks, "--data-binary");
    String poll = only(blocks, "while true");
    String download = only(blocks, "video.mp4");
    String key = api().newCustomer(100).key();

    String accepted = bash(dir, key, submit);
    String id = Api.JSON.readTree(accepted).path("id").asString();
    assertThat(id).startsWith("sd2_");
    assertThat(poll).contains("TASK=sd2_...\n");
    String finished = bash(dir, key, poll.replace("TASK=sd2_...", "TASK=" + id) + download);

    assertThat(finished).contains("\"status\":\"completed\"");
    byte[] video = Files.readAllBytes(dir.resolve("video.mp4"));
    assertThat(video.length).isGreaterThan(10_000);
    assertThat(new String(video, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    assertThat(api().balance(key)).isEqualTo(70);
  }

  private static String only(List<String> blocks, String marker) {
    var matching = blocks.stream().filter(b -> b.contains(marker)).toList();
    assertThat(matching).as(marker).hasSize(1);
    return matching.get(0);
  }

  private static String bash(Path dir, String apiKey, String script) throws Exception {
    var process =
        new ProcessBuilder("bash", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile());
    process.environment().put("SEEDANCE_API_KEY", apiKey);
    var running = process.start();
    assertThat(running.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"));
    assertThat(running.exitValue()).as(out).isZero();
    return out;
  }
}
