package seedance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Typed, strict access to the fields of a parsed JSON object: a value of the wrong JSON type is a
 * 400 that names the field, never a coercion.
 */
public final class JsonObject {

  private final JsonNode node;

  JsonObject(JsonNode node) {
    this.node = node;
  }

  /** The parsed tree, for fingerprints and storage. */
  public JsonNode node() {
    return node;
  }

  /** Rejects the first field (in sorted order) that is not in {@code allowed}. */
  public void rejectUnknown(Set<String> allowed) {
    var unknown = new TreeSet<String>();
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String name = unknown.first();
      // Echo a bounded name: the client sent it, but an error body is no place for 100 KB of it.
      String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
      throw invalid(shown, "unsupported field: " + shown);
    }
  }

  public boolean has(String name) {
    return node.has(name);
  }

  public Optional<String> string(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw invalid(name, name + " must be a string");
    }
    return Optional.of(checkText(name, value.stringValue()));
  }

  public Optional<Boolean> bool(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw invalid(name, name + " must be a boolean (true or false)");
    }
    return Optional.of(value.booleanValue());
  }

  /**
   * An integer that fits in a long; fractions, exponents of non-integers and strings are refused.
   */
  public Optional<Long> integer(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber()) {
      throw invalid(name, name + " must be an integer");
    }
    if (!value.canConvertToLong()) {
      throw invalid(name, name + " is out of range");
    }
    return Optional.of(value.longValue());
  }

  public Optional<List<String>> stringArray(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw invalid(name, name + " must be an array of strings");
    }
    var out = new ArrayList<String>(value.size());
    for (JsonNode item : value.values()) {
      if (!item.isString()) {
        throw invalid(name, name + " must be an array of strings");
      }
      out.add(checkText(name, item.stringValue()));
    }
    return Optional.of(out);
  }

  /**
   * JSON escapes can smuggle in text no database stores faithfully: NUL (PostgreSQL refuses it) and
   * unpaired surrogates (not Unicode at all). Both are refused rather than silently altered.
   */
  private static String checkText(String name, String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
        throw invalid(name, name + " must be valid Unicode text without NUL characters");
      }
      i += Character.charCount(cp);
    }
    return text;
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalidField(field, message);
  }
}
