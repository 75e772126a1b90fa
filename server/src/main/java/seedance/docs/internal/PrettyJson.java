package seedance.docs.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Examples as people write them: two-space indent, {@code "key": value}, one field a line. */
final class PrettyJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PrettyJson() {}

  static String print(String json) {
    var out = new StringBuilder();
    write(out, JSON.readTree(json), "");
    return out.toString();
  }

  private static void write(StringBuilder out, JsonNode node, String indent) {
    if (node.isObject() && !node.isEmpty()) {
      out.append("{\n");
      var names = node.propertyNames().iterator();
      while (names.hasNext()) {
        String name = names.next();
        out.append(indent).append("  ").append(JSON.writeValueAsString(name)).append(": ");
        write(out, node.get(name), indent + "  ");
        out.append(names.hasNext() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (node.isArray() && !node.isEmpty()) {
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        out.append(indent).append("  ");
        write(out, node.get(i), indent + "  ");
        out.append(i < node.size() - 1 ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      out.append(JSON.writeValueAsString(node));
    }
  }
}
