package seedance.provider;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The routing table: for each quality tier and channel, the providers to try in order and the model
 * id to ask each for. Built-in cells follow research §7.1; a YAML file (JSON is YAML too) can
 * replace any cell. Every problem with the file is one line naming the file and the place in it.
 */
final class RouteTable {

  static final List<String> TIERS = List.of("mini", "standard", "pro");
  static final List<String> CHANNELS = List.of("standard", "real", "wild");
  static final String LOCAL = "local";

  /** One entry of a cell, with where it came from for error messages. */
  record Step(String provider, String model, String where) {}

  private static final Map<String, String> ARK_BYTEPLUS =
      Map.of(
          "pro", "dreamina-seedance-2-0-260128",
          "standard", "dreamina-seedance-2-0-fast-260128",
          "mini", "dreamina-seedance-2-0-mini-260615");
  private static final Map<String, String> ARK_VOLCENGINE =
      Map.of(
          "pro", "doubao-seedance-2-0-260128",
          "standard", "doubao-seedance-2-0-fast-260128",
          "mini", "doubao-seedance-2-0-mini-260615");
  private static final Map<String, String> FAL =
      Map.of(
          "pro", "bytedance/seedance-2.0",
          "standard", "bytedance/seedance-2.0/fast",
          "mini", "bytedance/seedance-2.0/mini");

  /** Seedance 2.0 Mini is not published on Replicate. */
  private static final Map<String, String> REPLICATE =
      Map.of("pro", "bytedance/seedance-2.0", "standard", "bytedance/seedance-2.0-fast");

  private RouteTable() {}

  static String cell(String tier, String channel) {
    return tier + "." + channel;
  }

  /**
   * The built-in table for the configured upstreams: the standard channel on every configured
   * upstream that has a model for the tier, in the order ark, fal, replicate; nothing for the real
   * and wild channels, which need reseller models an operator has to name. With no upstream
   * configured at all, every cell is the local renderer.
   */
  static Map<String, List<Step>> builtIn(Set<String> configured, String arkBaseUrl) {
    boolean anyUpstream =
        configured.contains("ark")
            || configured.contains("fal")
            || configured.contains("replicate");
    var table = new LinkedHashMap<String, List<Step>>();
    for (String tier : TIERS) {
      for (String channel : CHANNELS) {
        var steps = new ArrayList<Step>();
        String where = "the built-in route for " + tier + "/" + channel;
        if (!anyUpstream) {
          steps.add(new Step(LOCAL, null, where));
        } else if (channel.equals("standard")) {
          if (configured.contains("ark")) {
            steps.add(new Step("ark", arkModels(arkBaseUrl).get(tier), where));
          }
          if (configured.contains("fal")) {
            steps.add(new Step("fal", FAL.get(tier), where));
          }
          if (configured.contains("replicate") && REPLICATE.containsKey(tier)) {
            steps.add(new Step("replicate", REPLICATE.get(tier), where));
          }
        }
        table.put(cell(tier, channel), List.copyOf(steps));
      }
    }
    return table;
  }

  /**
   * Volcengine Ark names the same models {@code doubao-...}; BytePlus and relays {@code
   * dreamina-...}.
   */
  static Map<String, String> arkModels(String baseUrl) {
    String host = "";
    try {
      host = baseUrl == null || baseUrl.isBlank() ? "" : URI.create(baseUrl.strip()).getHost();
    } catch (IllegalArgumentException e) {
      // A malformed base URL is the Ark adapter's to report; BytePlus ids are the default.
    }
    host = host == null ? "" : host.toLowerCase(Locale.ROOT);
    return host.endsWith("volces.com") || host.endsWith("volcengineapi.com")
        ? ARK_VOLCENGINE
        : ARK_BYTEPLUS;
  }

  /** The cells a routing file sets, keyed like {@link #cell}; throws a one-line reason. */
  static Map<String, List<Step>> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw fail(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    Object root;
    try {
      var options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      throw fail(
          file,
          "not valid YAML or JSON: "
              + e.getProblem()
              + (e.getProblemMark() == null
                  ? ""
                  : " at line "
                      + (e.getProblemMark().getLine() + 1)
                      + ", column "
                      + (e.getProblemMark().getColumn() + 1)));
    } catch (YAMLException e) {
      throw fail(file, "not valid YAML or JSON: " + e.getMessage());
    }
    var top = map(file, root, "the document");
    unknownKeys(file, top, Set.of("routes"), "the document");
    if (!top.containsKey("routes")) {
      throw fail(file, "no 'routes' key at the top");
    }
    var table = new LinkedHashMap<String, List<Step>>();
    map(file, top.get("routes"), "routes")
        .forEach(
            (tierKey, channels) -> {
              String tier = String.valueOf(tierKey);
              if (!TIERS.contains(tier)) {
                throw fail(file, "routes." + tier + ": unknown quality tier (use " + TIERS + ")");
              }
              map(file, channels, "routes." + tier)
                  .forEach(
                      (channelKey, steps) -> {
                        String channel = String.valueOf(channelKey);
                        String where = "routes." + tier + "." + channel;
                        if (!CHANNELS.contains(channel)) {
                          throw fail(file, where + ": unknown channel (use " + CHANNELS + ")");
                        }
                        table.put(cell(tier, channel), steps(file, steps, where));
                      });
            });
    return table;
  }

  private static List<Step> steps(Path file, Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw fail(file, where + " must be a list of {provider, model}");
    }
    var steps = new ArrayList<Step>();
    for (int i = 0; i < list.size(); i++) {
      String at = where + "[" + i + "]";
      var entry = map(file, list.get(i), at);
      unknownKeys(file, entry, Set.of("provider", "model"), at);
      String provider = text(file, entry.get("provider"), at + ".provider");
      if (provider == null) {
        throw fail(file, at + " has no provider");
      }
      String model = text(file, entry.get("model"), at + ".model");
      if (model == null && !provider.equals(LOCAL)) {
        throw fail(file, at + " (" + provider + ") has no model");
      }
      steps.add(new Step(provider, model, "routing file " + file + ": " + at));
    }
    return List.copyOf(steps);
  }

  private static Map<?, ?> map(Path file, Object value, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw fail(file, where + " must be a mapping");
    }
    return map;
  }

  private static void unknownKeys(Path file, Map<?, ?> map, Set<String> known, String where) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        throw fail(file, where + ": unknown key '" + key + "' (known: " + known + ")");
      }
    }
  }

  private static String text(Path file, Object value, String where) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw fail(file, where + " must be a non-empty string");
    }
    return s.strip();
  }

  private static RoutingException fail(Path file, String problem) {
    return new RoutingException(
        ("routing file " + file + ": " + problem).replaceAll("\\s+", " ").strip());
  }
}
