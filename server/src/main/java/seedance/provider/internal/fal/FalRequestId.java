package seedance.provider.internal.fal;

import java.net.URI;

/**
 * What the provider id stored on a task stands for: {@code <app>|<request_id>}, e.g. {@code
 * bytedance/seedance-2.0|764cabcf-…}. fal serves status, result and cancel under the app id (the
 * model path without the endpoint sub-path), not under the endpoint posted to, so the app is kept
 * with the request id and the URLs are rebuilt from it and the configured queue base. The URLs fal
 * returns are not stored: following them would send our key to whatever host a response names.
 */
record FalRequestId(String app, String requestId) {

  private static final String SEPARATOR = "|";
  private static final java.util.regex.Pattern SAFE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

  FalRequestId {
    // Both go into URL paths: nothing that could leave the app's path or add a query.
    if (requestId == null || !SAFE.matcher(requestId).matches()) {
      throw new IllegalArgumentException("unexpected fal request id: " + requestId);
    }
    if (app == null || app.isEmpty() || app.contains("..") || !app.matches("[A-Za-z0-9_./-]+")) {
      throw new IllegalArgumentException("unexpected fal app: " + app);
    }
  }

  static FalRequestId parse(String upstreamId) {
    int cut = upstreamId == null ? -1 : upstreamId.lastIndexOf(SEPARATOR);
    if (cut <= 0 || cut == upstreamId.length() - 1) {
      throw new IllegalArgumentException("not a fal upstream id: " + upstreamId);
    }
    return new FalRequestId(upstreamId.substring(0, cut), upstreamId.substring(cut + 1));
  }

  /**
   * The app fal files a submitted request under: read from the {@code status_url} it returned when
   * that lies under our queue base, else fal's convention of the endpoint's first two segments.
   */
  static FalRequestId fromSubmit(
      URI queueUrl, String endpoint, String requestId, String statusUrl) {
    String prefix = queueUrl + "/";
    String suffix = "/requests/" + requestId + "/status";
    if (statusUrl != null && statusUrl.startsWith(prefix) && statusUrl.endsWith(suffix)) {
      String app = statusUrl.substring(prefix.length(), statusUrl.length() - suffix.length());
      if (!app.isEmpty() && endpoint.startsWith(app)) {
        return new FalRequestId(app, requestId);
      }
    }
    String[] parts = endpoint.split("/");
    String app = parts.length >= 2 ? parts[0] + "/" + parts[1] : endpoint;
    return new FalRequestId(app, requestId);
  }

  String encoded() {
    return app + SEPARATOR + requestId;
  }

  URI statusUrl(URI queueUrl) {
    return URI.create(resultUrl(queueUrl) + "/status");
  }

  URI resultUrl(URI queueUrl) {
    return URI.create(queueUrl + "/" + app + "/requests/" + requestId);
  }

  URI cancelUrl(URI queueUrl) {
    return URI.create(resultUrl(queueUrl) + "/cancel");
  }
}
