package seedance.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import seedance.config.ServerSettings;
import seedance.storage.OutputStore;

/** Outputs as files under {@code $SEEDANCE_DATA_DIR/outputs}. */
@Component
class DiskOutputStore implements OutputStore {

  // No dot segments, no absolute paths: a key can never name a file outside the output directory.
  private static final Pattern KEY =
      Pattern.compile("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.(mp4|png)$");

  private final Path root;

  DiskOutputStore(ServerSettings settings) {
    this.root = settings.dataDir().resolve("outputs").toAbsolutePath();
  }

  @Override
  public void put(String key, Path source) {
    Path target =
        resolve(key).orElseThrow(() -> new IllegalArgumentException("bad output key " + key));
    try {
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store output " + key, e);
    }
  }

  @Override
  public Optional<StoredFile> find(String key) {
    return resolve(key)
        .filter(Files::isRegularFile)
        .map(
            path -> {
              try {
                return new StoredFile(path, Files.size(path), contentType(key));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private Optional<Path> resolve(String key) {
    if (!KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    return Optional.of(root.resolve(key));
  }

  private static String contentType(String key) {
    return key.endsWith(".mp4") ? "video/mp4" : "image/png";
  }
}
