package seedance.storage.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import seedance.storage.DownloadLinks;
import seedance.storage.OutputStore;
import seedance.web.ApiException;

/**
 * Serves outputs behind signed links. Returning a Resource lets Spring answer {@code Range}
 * requests (206), so a browser can play and seek the video.
 */
@RestController
class DownloadController {

  private static final String PREFIX = "/v1/files/";

  private final OutputStore store;
  private final DownloadLinks links;

  DownloadController(OutputStore store, DownloadLinks links) {
    this.store = store;
    this.links = links;
  }

  @GetMapping("/v1/files/**")
  ResponseEntity<Resource> download(
      HttpServletRequest request,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature) {
    String key = request.getRequestURI().substring(PREFIX.length());
    if (expires == null || !links.verify(key, expires, signature)) {
      throw ApiException.notFound(
          "this download link is invalid or has expired; read the task again for a fresh link");
    }
    var file = store.find(key).orElseThrow(() -> ApiException.notFound("file not found"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .cacheControl(CacheControl.noCache().cachePrivate())
        .header("Accept-Ranges", "bytes")
        .body(new FileSystemResource(file.path()));
  }
}
