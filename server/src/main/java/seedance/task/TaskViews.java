package seedance.task;

import java.util.Optional;
import org.springframework.stereotype.Service;
import seedance.storage.DownloadLinks;
import seedance.web.IsoTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads tasks for their owners: the REST API's task endpoint and the MCP tools both use it. */
@Service
public class TaskViews {

  private final Tasks tasks;
  private final JsonMapper json;
  private final DownloadLinks links;

  TaskViews(Tasks tasks, JsonMapper json, DownloadLinks links) {
    this.tasks = tasks;
    this.json = json;
    this.links = links;
  }

  /** The task if it exists and belongs to {@code accountId}; another account's task is absent. */
  public Optional<TaskView> findOwned(String id, String accountId) {
    return tasks.findOwned(id, accountId).map(this::view);
  }

  private TaskView view(Task t) {
    return new TaskView(
        t.id(),
        t.status(),
        t.model(),
        t.qualityTier(),
        t.channel(),
        t.creditsUsed(),
        t.creditsRefunded(),
        t.outputJson() == null ? null : output(json.readTree(t.outputJson())),
        t.errorCode() == null ? null : new TaskView.ErrorDetail(t.errorCode(), t.errorMessage()),
        IsoTime.format(t.createdAt()),
        IsoTime.format(t.updatedAt()));
  }

  private TaskView.Output output(JsonNode stored) {
    return new TaskView.Output(
        links.url(stored.path("video").asString()),
        links.url(stored.path("last_frame").asString()),
        stored.path("seed").isIntegralNumber() ? stored.path("seed").asLong() : null);
  }
}
