package seedance.docs.internal;

import java.util.ArrayList;
import java.util.List;
import seedance.testing.Api;
import seedance.video.SubmitContract;
import seedance.video.SubmitContract.Field;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submit bodies on both sides of every boundary of {@link SubmitContract}: each allowed value and a
 * wrong one, each range's ends and one past them, and each cross-field rule kept and broken.
 */
final class ContractProbes {

  private static final String URL = "https://media.example.com/probe.png";

  private ContractProbes() {}

  static List<ObjectNode> bodies() {
    var out = new ArrayList<ObjectNode>();
    for (Field f : SubmitContract.FIELDS) {
      switch (f.kind()) {
        case CHOICE -> {
          for (String value : f.allowed()) {
            out.add(base().put(f.name(), value));
          }
          out.add(base().put(f.name(), "nope"));
          out.add(base().put(f.name(), f.allowed().get(0).toUpperCase()));
        }
        case TEXT -> {
          for (long n : List.of(f.min() - 1, f.min(), f.max(), f.max() + 1)) {
            out.add(base().put(f.name(), "a".repeat((int) n)));
          }
        }
        case SECONDS -> {
          for (long n = f.min() - 1; n <= f.max() + 1; n++) {
            out.add(base().put(f.name(), Long.toString(n)));
          }
          out.add(base().put(f.name(), "0" + f.min()));
          out.add(base().put(f.name(), f.min()));
        }
        case URL_LIST -> {
          for (long n : List.of(f.min() - 1, f.min(), f.max(), f.max() + 1)) {
            var body = base().put("mode", SubmitContract.MEDIA_MODE);
            var urls = body.putArray(f.name());
            for (int i = 0; i < n; i++) {
              urls.add(URL);
            }
            out.add(body);
          }
          out.add(base().put("mode", SubmitContract.MEDIA_MODE));
          out.add(base().set(f.name(), Api.JSON.createArrayNode().add(URL)));
        }
        case URL -> {
          out.add(
              base()
                  .put("mode", SubmitContract.IMAGE_MODE)
                  .put("image_url", URL)
                  .put(f.name(), URL));
          out.add(base().put(f.name(), URL));
        }
        case BOOLEAN -> {
          out.add(base().put(f.name(), true));
          out.add(base().put(f.name(), false));
          out.add(base().put(f.name(), "true"));
        }
        case INTEGER -> {
          for (long n : List.of(f.min() - 1, f.min(), f.max(), f.max() + 1)) {
            out.add(base().put(f.name(), n));
          }
          out.add(base().put(f.name(), 7).put("channel", SubmitContract.SEEDLESS_CHANNEL));
          out.add(base().put(f.name(), 7).put("quality_tier", SubmitContract.SEEDLESS_TIER));
          out.add(base().put(f.name(), "7"));
        }
      }
    }
    for (String resolution : SubmitContract.PRO_ONLY_RESOLUTIONS) {
      out.add(base().put("resolution", resolution).put("quality_tier", SubmitContract.PRO_TIER));
    }
    out.add(base().put("mode", SubmitContract.IMAGE_MODE).put("end_image_url", URL));
    out.add(base().put("colour", "red"));
    out.add(base().putNull("seed"));
    out.add(Api.JSON.createObjectNode());
    return out;
  }

  private static ObjectNode base() {
    return Api.JSON.createObjectNode().put("prompt", "a red fox running through fresh snow");
  }
}
