package seedance.dashboard.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import seedance.video.SubmitContract;
import seedance.web.JsonObject;
import seedance.web.StrictJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playground's fields as a user typed them, and the JSON body they stand for. The body goes
 * through the API's own validation, so a wrong value gets the API's message; this class only
 * translates HTML's way of sending things (blank fields, checkboxes, one URL per line).
 */
public record PlaygroundForm(Map<String, String> fields) {

  static final String IDEMPOTENCY_FIELD = "idempotency_key";
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,30}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public PlaygroundForm {
    fields = Map.copyOf(fields);
  }

  /** The contract's defaults, with a fresh idempotency key for this form. */
  static PlaygroundForm defaults(String idempotencyKey) {
    var fields = new LinkedHashMap<String, String>();
    fields.put("mode", (String) SubmitContract.MODE.defaultValue());
    fields.put("quality_tier", (String) SubmitContract.QUALITY_TIER.defaultValue());
    fields.put("channel", (String) SubmitContract.CHANNEL.defaultValue());
    fields.put("prompt", "");
    fields.put("aspect_ratio", (String) SubmitContract.ASPECT_RATIO.defaultValue());
    fields.put("duration", (String) SubmitContract.DURATION.defaultValue());
    fields.put("resolution", (String) SubmitContract.RESOLUTION.defaultValue());
    fields.put("generate_audio", String.valueOf(SubmitContract.GENERATE_AUDIO.defaultValue()));
    fields.put("fixed_lens", String.valueOf(SubmitContract.FIXED_LENS.defaultValue()));
    fields.put(IDEMPOTENCY_FIELD, idempotencyKey);
    return new PlaygroundForm(fields);
  }

  /** The form that asks for what {@code requestBody} (a submit's JSON body) asked for. */
  static PlaygroundForm of(String requestBody, String idempotencyKey) {
    var fields = new LinkedHashMap<String, String>();
    for (var field : JSON.readTree(requestBody).properties()) {
      var value = field.getValue();
      if (value.isArray()) {
        var lines = new StringJoiner("\n");
        value.forEach(url -> lines.add(url.asString()));
        fields.put(field.getKey(), lines.toString());
      } else {
        fields.put(field.getKey(), value.isString() ? value.asString() : value.toString());
      }
    }
    fields.put(IDEMPOTENCY_FIELD, idempotencyKey);
    return new PlaygroundForm(fields);
  }

  /** A submitted form; fields HTML leaves out (unchecked boxes) are read as unset. */
  static PlaygroundForm submitted(Map<String, String> params) {
    var fields = new LinkedHashMap<String, String>();
    params.forEach(
        (name, value) -> {
          if (value != null) {
            fields.put(name, value);
          }
        });
    fields.putIfAbsent("generate_audio", "false");
    fields.putIfAbsent("fixed_lens", "false");
    return new PlaygroundForm(fields);
  }

  public String value(String name) {
    return fields.getOrDefault(name, "");
  }

  public boolean checked(String name) {
    String value = value(name);
    return value.equals("true") || value.equals("on");
  }

  String idempotencyKey() {
    return value(IDEMPOTENCY_FIELD);
  }

  /**
   * The API body: choices as sent, the prompt with browser line ends made plain, URL fields only
   * when filled in, and the seed as a JSON integer when it is one (else as text, which the API
   * refuses with its own message).
   */
  JsonObject body() {
    return parse(tree());
  }

  /**
   * The body with a stand-in prompt: the price does not depend on the prompt, so it can be shown
   * before one is typed, while every other field is still checked as in a submit.
   */
  JsonObject pricedBody() {
    ObjectNode body = tree();
    body.put("prompt", "price preview");
    return parse(body);
  }

  private ObjectNode tree() {
    ObjectNode body = JSON.createObjectNode();
    for (String field :
        new String[] {
          "mode", "quality_tier", "channel", "prompt", "aspect_ratio", "duration", "resolution"
        }) {
      if (fields.containsKey(field)) {
        body.put(field, field.equals("prompt") ? value(field).replace("\r\n", "\n") : value(field));
      }
    }
    putIfFilled(body, "image_url");
    putIfFilled(body, "end_image_url");
    var urls =
        Arrays.stream(value("media_urls").split("\\R"))
            .map(String::strip)
            .filter(u -> !u.isEmpty());
    var list = urls.toList();
    if (!list.isEmpty()) {
      var array = body.putArray("media_urls");
      list.forEach(array::add);
    }
    body.put("generate_audio", checked("generate_audio"));
    body.put("fixed_lens", checked("fixed_lens"));
    String seed = value("seed").strip();
    if (!seed.isEmpty()) {
      if (INTEGER.matcher(seed).matches()) {
        body.put("seed", new BigInteger(seed));
      } else {
        body.put("seed", seed);
      }
    }
    return body;
  }

  private static JsonObject parse(ObjectNode body) {
    return StrictJson.parseObject(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
  }

  private void putIfFilled(ObjectNode body, String field) {
    String value = value(field).strip();
    if (!value.isEmpty()) {
      body.put(field, value);
    }
  }
}
