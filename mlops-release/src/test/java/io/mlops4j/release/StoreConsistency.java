package io.mlops4j.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Checks a local store after crashes: what the crash-safety and concurrency tests rely on. */
final class StoreConsistency {
  private StoreConsistency() {}

  /**
   * Asserts the store is consistent and returns how many versions the model has.
   *
   * @param store the store directory
   * @param model the model name the workers register
   * @param tagsPerVersion how many tags each version carries
   */
  static int assertConsistent(Path store, String model, int tagsPerVersion) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("store.db"));
        Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
        assertThat(rs.getString(1)).as("SQLite integrity").isEqualTo("ok");
      }
      try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
        assertThat(rs.next()).as("rows pointing at missing rows").isFalse();
      }
    }
    // Opening the store through the API recovers from any interrupted transaction.
    try (LocalMlClient client = MlClients.local(store)) {
      MlWorkspace dev = client.workspace("dev");
      List<Model> versions = dev.listModels(ModelQuery.byName(model).includingArchived());
      int count = versions.size();
      assertThat(versions)
          .as("versions are gapless, newest first")
          .extracting(Model::version)
          .containsExactlyElementsOf(
              IntStream.iterate(count, v -> v >= 1, v -> v - 1).boxed().toList());
      for (Model version : versions) {
        assertThat(version.tags()).hasSize(tagsPerVersion);
        Path target = Files.createTempDirectory("verify").resolve("model");
        dev.downloadModel(model, version.version(), target); // verifies every file's digest
        assertThat(target.resolve("weights.bin")).exists();
      }
      long registrations =
          client.listAuditEntries(Integer.MAX_VALUE).stream()
              .filter(
                  e -> e.action().equals("model.register") && e.entity().startsWith(model + ":"))
              .count();
      assertThat(registrations)
          .as("one audit row per version, none for lost ones")
          .isEqualTo(count);
      assertBlobsNamedByTheirContent(store.resolve("artifacts/sha256"));
      return count;
    }
  }

  /** No half-written blob ever sits under its final name. */
  private static void assertBlobsNamedByTheirContent(Path blobs) throws IOException {
    try (Stream<Path> files = Files.walk(blobs)) {
      for (Path blob : files.filter(Files::isRegularFile).toList()) {
        assertThat(sha256(blob)).as("content of %s", blob).isEqualTo(blob.getFileName().toString());
      }
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
