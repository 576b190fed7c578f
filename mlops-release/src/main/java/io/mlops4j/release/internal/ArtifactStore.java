package io.mlops4j.release.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A content-addressed store of artifacts: every file is a blob named by its SHA-256, and an
 * artifact is a manifest blob listing its files. Blobs are written to a temporary file and renamed
 * into place, so a crash never leaves a partial blob under its final name.
 */
public final class ArtifactStore {
  /** An artifact stored: its digest ({@code sha256:...} of the manifest) and total size. */
  public record Stored(String digest, long size) {}

  private final Path blobs;
  private final Path tmp;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Creates the store under a directory.
   *
   * @param root the store's directory
   */
  public ArtifactStore(Path root) {
    this.blobs = root.resolve("sha256");
    this.tmp = root.resolve("tmp");
    try {
      Files.createDirectories(blobs);
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new RegistryException(Reason.FAILED, "open artifact store " + root, e.toString(), e);
    }
  }

  /**
   * Stores a file or a directory tree.
   *
   * @param artifact the file or directory
   * @return the artifact's digest and size
   */
  public Stored put(Path artifact) {
    String operation = "store artifact " + artifact;
    if (!Files.exists(artifact, LinkOption.NOFOLLOW_LINKS)) {
      throw new RegistryException(Reason.VALIDATION, operation, "artifact does not exist");
    }
    try {
      ArrayNode files = json.createArrayNode();
      long size = 0;
      if (Files.isRegularFile(artifact, LinkOption.NOFOLLOW_LINKS)) {
        size += putFile(artifact, artifact.getFileName().toString(), files);
      } else {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(artifact)) {
          paths = walk.sorted().toList();
        }
        for (Path path : paths) {
          if (Files.isSymbolicLink(path)) {
            throw new RegistryException(
                Reason.VALIDATION, operation, "artifact contains a symbolic link: " + path);
          }
          if (Files.isRegularFile(path)) {
            String relative = artifact.relativize(path).toString().replace('\\', '/');
            size += putFile(path, relative, files);
          }
        }
      }
      ObjectNode manifest = json.createObjectNode();
      manifest.put("format", "mlops4j-artifact/1");
      manifest.set("files", files);
      byte[] bytes = json.writeValueAsBytes(manifest);
      String digest = writeBlob(new java.io.ByteArrayInputStream(bytes));
      return new Stored("sha256:" + digest, size);
    } catch (IOException e) {
      throw new RegistryException(Reason.FAILED, operation, e.toString(), e);
    }
  }

  /**
   * Tells whether an artifact and all its files are present and intact.
   *
   * @param digest the artifact digest
   * @return true if the manifest and every file verify
   */
  public boolean verify(String digest) {
    try {
      for (JsonNode file : manifest(digest, "verify " + digest).path("files")) {
        Path blob = blob(file.path("sha256").asText());
        if (!Files.isRegularFile(blob) || !sha256(blob).equals(file.path("sha256").asText())) {
          return false;
        }
      }
      return true;
    } catch (RegistryException | IOException e) {
      return false;
    }
  }

  /**
   * Writes an artifact into a new directory, checking every file against its digest; the directory
   * appears complete or not at all.
   *
   * @param digest the artifact digest
   * @param target a missing or empty directory
   * @return the target
   */
  public Path get(String digest, Path target) {
    String operation = "download artifact " + digest;
    try {
      if (Files.isDirectory(target)) {
        try (Stream<Path> entries = Files.list(target)) {
          if (entries.findAny().isPresent()) {
            throw new RegistryException(
                Reason.VALIDATION, operation, "target directory " + target + " is not empty");
          }
        }
      }
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, ".download-");
      try {
        for (JsonNode file : manifest(digest, operation).path("files")) {
          String relative = file.path("path").asText();
          Path out = staging.resolve(relative).normalize();
          if (!out.startsWith(staging) || relative.isEmpty()) {
            throw new RegistryException(
                Reason.FAILED, operation, "manifest holds an unsafe path: " + relative);
          }
          Files.createDirectories(out.getParent());
          String expected = file.path("sha256").asText();
          Files.copy(blob(expected), out);
          if (!sha256(out).equals(expected)) {
            throw new RegistryException(
                Reason.FAILED,
                operation,
                "stored file " + relative + " does not match its digest; the store is corrupt");
          }
        }
        Files.deleteIfExists(target);
        if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
          // createTempDirectory makes the staging directory private; the download is not.
          Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
      } finally {
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new RegistryException(Reason.FAILED, operation, e.toString(), e);
    }
  }

  private JsonNode manifest(String digest, String operation) {
    if (!digest.matches("sha256:[0-9a-f]{64}")) {
      throw new RegistryException(Reason.VALIDATION, operation, "not a sha256 digest: " + digest);
    }
    String hex = digest.substring("sha256:".length());
    Path blob = blob(hex);
    try {
      if (!Files.isRegularFile(blob)) {
        throw new RegistryException(
            Reason.NOT_FOUND, operation, "artifact is missing from the store");
      }
      if (!sha256(blob).equals(hex)) {
        throw new RegistryException(
            Reason.FAILED,
            operation,
            "artifact manifest does not match its digest; the store is corrupt");
      }
      return json.readTree(blob.toFile());
    } catch (IOException e) {
      throw new RegistryException(Reason.FAILED, operation, e.toString(), e);
    }
  }

  private long putFile(Path file, String relative, ArrayNode files) throws IOException {
    String digest;
    try (InputStream in = Files.newInputStream(file)) {
      digest = writeBlob(in);
    }
    long size = Files.size(file);
    files.addObject().put("path", relative).put("sha256", digest).put("size", size);
    return size;
  }

  /** Copies a stream into a temporary file while hashing it, then renames it to its digest. */
  private String writeBlob(InputStream in) throws IOException {
    Path temp = tmp.resolve(UUID.randomUUID() + ".part");
    MessageDigest sha = sha256();
    try {
      try (FileChannel channel =
              FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel);
          DigestInputStream digesting = new DigestInputStream(in, sha)) {
        digesting.transferTo(out);
        channel.force(true);
      }
      String hex = HexFormat.of().formatHex(sha.digest());
      Path target = blob(hex);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          // another writer stored the same content first
        }
      }
      return hex;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Path blob(String hex) {
    return blobs.resolve(hex.substring(0, 2)).resolve(hex);
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }
}
