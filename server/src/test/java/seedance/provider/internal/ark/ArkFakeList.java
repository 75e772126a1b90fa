package seedance.provider.internal.ark;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake Ark's task list ({@code GET tasks?page_num&page_size&filter.status&filter.model
 * &filter.task_ids}, research §1.8): matching tasks newest first, a page of them and the total.
 */
final class ArkFakeList {

  static final String BAD_PAGE = "page_num and page_size are 1..500";

  private ArkFakeList() {}

  /**
   * The answer to a list query over {@code newestFirst}, each task shown by {@code view}; null when
   * the paging is out of Ark's range (a 400 {@code InvalidParameter}, {@link #BAD_PAGE}).
   */
  static ObjectNode page(
      String rawQuery,
      Iterable<ArkFakeTask> newestFirst,
      Function<ArkFakeTask, ObjectNode> view,
      JsonMapper json) {
    Map<String, List<String>> query = query(rawQuery);
    int page = Integer.parseInt(first(query, "page_num", "1"));
    int size = Integer.parseInt(first(query, "page_size", "10"));
    if (page < 1 || page > 500 || size < 1 || size > 500) {
      return null;
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ArkFakeTask task : newestFirst) {
      if (matches(query, "filter.status", task.status)
          && matches(query, "filter.model", task.body.path("model").asString())
          && matches(query, "filter.task_ids", task.id)) {
        matching.add(view.apply(task));
      }
    }
    ObjectNode answer = json.createObjectNode();
    var items = answer.putArray("items");
    matching.stream().skip((long) (page - 1) * size).limit(size).forEach(items::add);
    answer.put("total", matching.size());
    return answer;
  }

  private static boolean matches(Map<String, List<String>> query, String name, String value) {
    List<String> wanted = query.get(name);
    return wanted == null || wanted.contains(value);
  }

  private static String first(Map<String, List<String>> query, String name, String fallback) {
    List<String> values = query.get(name);
    return values == null ? fallback : values.getFirst();
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query
            .computeIfAbsent(
                URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }
}
