package seedance.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where finished outputs live: the data directory by default. Keys are relative paths of safe
 * characters ({@code <task id>/video.mp4}); writing a key that exists replaces it atomically.
 */
public interface OutputStore {

  void put(String key, Path source);

  Optional<StoredFile> find(String key);

  /** A stored object as the download endpoint serves it. */
  record StoredFile(Path path, long size, String contentType) {}
}
