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
      throw invalid(unknown.first(), "unsupported field: " + unknown.first());
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
    return Optional.of(value.stringValue());
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
      out.add(item.stringValue());
    }
    return Optional.of(out);
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalidField(field, message);
  }
}
