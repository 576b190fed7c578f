package io.mlops4j.release.internal.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobUrlParts;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Model artifacts in blob storage: a file or directory tree uploaded under a prefix, downloaded
 * back into a directory, and a digest over the tree (relative paths and contents) to check it.
 */
final class BlobArtifacts {
  private final HttpClient httpClient;
  private final HttpLogOptions logOptions;

  BlobArtifacts(HttpClient httpClient, HttpLogOptions logOptions) {
    this.httpClient = httpClient;
    this.logOptions = logOptions;
  }

  /** Where an artifact lives: a container (with its credential) and a prefix in it. */
  record Location(BlobContainerClient container, String prefix) {}

  Location withAccountKey(String containerUrl, String account, String key, String prefix) {
    BlobContainerClient container =
        new BlobContainerClientBuilder()
            .endpoint(containerUrl)
            .credential(new StorageSharedKeyCredential(account, key))
            .httpClient(httpClient)
            .httpLogOptions(logOptions)
            .buildClient();
    return new Location(container, prefix);
  }

  Location withSasToken(String containerUrl, String sasToken, String prefix) {
    BlobContainerClient container =
        new BlobContainerClientBuilder()
            .endpoint(containerUrl)
            .sasToken(sasToken)
            .httpClient(httpClient)
            .httpLogOptions(logOptions)
            .buildClient();
    return new Location(container, prefix);
  }

  /** A location from a SAS URI that names a container and a folder (prefix) in it. */
  Location fromSasUri(String sasUri) {
    BlobUrlParts parts = BlobUrlParts.parse(sasUri);
    String sas = parts.getCommonSasQueryParameters().encode();
    String prefix = parts.getBlobName() == null ? "" : parts.getBlobName();
    BlobUrlParts containerParts = BlobUrlParts.parse(sasUri);
    containerParts.setBlobName(null);
    containerParts.setCommonSasQueryParameters(null);
    return withSasToken(containerParts.toUrl().toString(), sas, prefix);
  }

  /** Uploads a file (as {@code prefix/NAME}) or a directory tree (as {@code prefix/REL}). */
  void upload(Path artifact, Location location) {
    for (Map.Entry<String, Path> file : files(artifact).entrySet()) {
      location
          .container()
          .getBlobClient(join(location.prefix(), file.getKey()))
          .uploadFromFile(file.getValue().toString(), true);
    }
  }

  /** Downloads every blob under the prefix into a directory, keeping relative paths. */
  void download(Location location, Path targetDir) {
    String prefix = location.prefix().isEmpty() ? "" : trimSlash(location.prefix()) + "/";
    Path root = targetDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
      for (BlobItem item :
          location.container().listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
        String relative = item.getName().substring(prefix.length());
        Path target = root.resolve(relative).normalize();
        if (relative.isEmpty() || !target.startsWith(root)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        location.container().getBlobClient(item.getName()).downloadToFile(target.toString(), true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The relative names (with {@code /}) of an artifact's files, sorted. */
  static Map<String, Path> files(Path artifact) {
    Map<String, Path> files = new TreeMap<>();
    if (Files.isRegularFile(artifact)) {
      files.put(artifact.getFileName().toString(), artifact);
      return files;
    }
    try (Stream<Path> walk = Files.walk(artifact)) {
      List<Path> regular = walk.filter(Files::isRegularFile).toList();
      for (Path p : regular) {
        files.put(artifact.relativize(p).toString().replace('\\', '/'), p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** {@code sha256:HEX} over each file's relative path and content digest, and the total bytes. */
  static Digest digest(Path artifact) {
    try {
      MessageDigest tree = MessageDigest.getInstance("SHA-256");
      long size = 0;
      for (Map.Entry<String, Path> file : files(artifact).entrySet()) {
        MessageDigest content = MessageDigest.getInstance("SHA-256");
        byte[] bytes = Files.readAllBytes(file.getValue());
        size += bytes.length;
        content.update(bytes);
        tree.update(file.getKey().getBytes(StandardCharsets.UTF_8));
        tree.update((byte) 0);
        tree.update(HexFormat.of().formatHex(content.digest()).getBytes(StandardCharsets.UTF_8));
        tree.update((byte) '\n');
      }
      return new Digest("sha256:" + HexFormat.of().formatHex(tree.digest()), size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  record Digest(String value, long size) {}

  static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : trimSlash(prefix) + "/" + name;
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
