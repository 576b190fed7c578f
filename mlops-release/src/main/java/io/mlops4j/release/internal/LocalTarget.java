package io.mlops4j.release.internal;

import io.mlops4j.config.MlopsException;
import io.mlops4j.config.TargetKind;
import io.mlops4j.release.AssetKind;
import io.mlops4j.release.AssetRef;
import io.mlops4j.release.BatchDeployment;
import io.mlops4j.release.BatchEndpoint;
import io.mlops4j.release.DataAsset;
import io.mlops4j.release.DataAssetSpec;
import io.mlops4j.release.DataAssetType;
import io.mlops4j.release.DeploymentSpec;
import io.mlops4j.release.EndpointSpec;
import io.mlops4j.release.Environment;
import io.mlops4j.release.EnvironmentSpec;
import io.mlops4j.release.Job;
import io.mlops4j.release.JobInputs;
import io.mlops4j.release.MlRegistry;
import io.mlops4j.release.MlWorkspace;
import io.mlops4j.release.Model;
import io.mlops4j.release.ModelQuery;
import io.mlops4j.release.ModelSpec;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One workspace or registry of the local store. */
final class LocalTarget implements MlWorkspace {
  private static final String MODEL_COLUMNS =
      "name, version, description, tags, properties, artifact_digest, artifact_size, archived,"
          + " source, created_at";

  private final LocalStore store;
  private final String target;
  private final TargetKind kind;

  LocalTarget(LocalStore store, String target, TargetKind kind) {
    this.store = store;
    this.target = target;
    this.kind = kind;
  }

  @Override
  public String name() {
    return target;
  }

  // ---- models ----------------------------------------------------------------------------

  @Override
  public Model registerModel(ModelSpec spec) {
    String operation = op("registerModel", spec.name());
    Validation.name(operation, "model", spec.name());
    Validation.entries(operation, "tag", spec.tags());
    Validation.noCredential(operation, "description", spec.description());
    Validation.entries(operation, "property", spec.properties());
    ArtifactStore.Stored stored = store.artifacts().put(spec.artifact());
    return insertModel(
        operation,
        spec.name(),
        spec.description(),
        spec.tags(),
        spec.properties(),
        stored.digest(),
        stored.size(),
        "",
        0);
  }

  /** Inserts a model version: the next one (version 0) or a given one, in one transaction. */
  private Model insertModel(
      String operation,
      String name,
      String description,
      Map<String, String> tags,
      Map<String, String> properties,
      String digest,
      long size,
      String source,
      int version) {
    Instant now = store.clock().instant();
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              int allocated = version;
              if (allocated == 0) {
                try (PreparedStatement st =
                    connection.prepareStatement(
                        "SELECT COALESCE(MAX(version), 0) + 1 FROM models WHERE target = ? AND name = ?")) {
                  st.setString(1, target);
                  st.setString(2, name);
                  try (ResultSet rs = st.executeQuery()) {
                    allocated = rs.getInt(1);
                  }
                }
              }
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "INSERT INTO models (target, "
                          + MODEL_COLUMNS
                          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
                st.setString(1, target);
                st.setString(2, name);
                st.setInt(3, allocated);
                st.setString(4, description);
                st.setString(5, store.json().write(tags));
                st.setString(6, store.json().write(properties));
                st.setString(7, digest);
                st.setLong(8, size);
                st.setString(9, source);
                st.setString(10, now.toString());
                st.executeUpdate();
              } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                  throw new RegistryException(
                      Reason.CONFLICT,
                      operation,
                      "model "
                          + name
                          + " version "
                          + allocated
                          + " already exists; versions are immutable");
                }
                throw e;
              }
              writeTags(connection, name, allocated, tags);
              Model model =
                  new Model(
                      name,
                      allocated,
                      description,
                      tags,
                      properties,
                      digest,
                      size,
                      false,
                      source,
                      now);
              store
                  .audit()
                  .record(
                      connection,
                      "model.register",
                      target,
                      name + ":" + allocated,
                      "",
                      store.json().write(model));
              return model;
            });
  }

  private void writeTags(Connection connection, String name, int version, Map<String, String> tags)
      throws SQLException {
    try (PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM model_tags WHERE target = ? AND name = ? AND version = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO model_tags (target, name, version, key, value) VALUES (?, ?, ?, ?, ?)")) {
      delete.setString(1, target);
      delete.setString(2, name);
      delete.setInt(3, version);
      delete.executeUpdate();
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        insert.setString(1, target);
        insert.setString(2, name);
        insert.setInt(3, version);
        insert.setString(4, tag.getKey());
        insert.setString(5, tag.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public Model getModel(String name, int version) {
    String operation = op("getModel", name + ":" + version);
    return store
        .sqlite()
        .read(operation, connection -> findModel(connection, name, version))
        .orElseThrow(() -> notFound(operation, "model " + name + " has no version " + version));
  }

  private java.util.Optional<Model> findModel(Connection connection, String name, int version)
      throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT "
                + MODEL_COLUMNS
                + " FROM models WHERE target = ? AND name = ? AND version = ?")) {
      st.setString(1, target);
      st.setString(2, name);
      st.setInt(3, version);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? java.util.Optional.of(model(rs)) : java.util.Optional.empty();
      }
    }
  }

  @Override
  public Model getLatestModel(String name) {
    List<Model> versions = listModels(ModelQuery.byName(name));
    if (versions.isEmpty()) {
      boolean exists = !listModels(ModelQuery.byName(name).includingArchived()).isEmpty();
      throw notFound(
          op("getLatestModel", name),
          exists
              ? "model " + name + " has only archived versions"
              : "model " + name + " does not exist in " + target);
    }
    return versions.get(0);
  }

  @Override
  public List<Model> listModels(ModelQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT m.")
            .append(MODEL_COLUMNS.replace(", ", ", m."))
            .append(" FROM models m");
    List<String> args = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> tag : new TreeMap<>(query.tags()).entrySet()) {
      String t = "t" + i++;
      sql.append(" JOIN model_tags ")
          .append(t)
          .append(" ON ")
          .append(t)
          .append(".target = m.target AND ")
          .append(t)
          .append(".name = m.name AND ")
          .append(t)
          .append(".version = m.version AND ")
          .append(t)
          .append(".key = ? AND ")
          .append(t)
          .append(".value = ?");
      args.add(tag.getKey());
      args.add(tag.getValue());
    }
    sql.append(" WHERE m.target = ?");
    args.add(target);
    if (!query.name().isEmpty()) {
      sql.append(" AND m.name = ?");
      args.add(query.name());
    }
    if (!query.includeArchived()) {
      sql.append(" AND m.archived = 0");
    }
    sql.append(" ORDER BY m.name, m.version DESC");
    return store
        .sqlite()
        .read(
            op("listModels", query.name()),
            connection -> {
              try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
                for (int a = 0; a < args.size(); a++) {
                  st.setString(a + 1, args.get(a));
                }
                List<Model> models = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    models.add(model(rs));
                  }
                }
                return models;
              }
            });
  }

  @Override
  public Model updateModelTags(String name, int version, Map<String, String> tags) {
    String operation = op("updateModelTags", name + ":" + version);
    Validation.entries(operation, "tag", tags);
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              Model before =
                  findModel(connection, name, version)
                      .orElseThrow(
                          () ->
                              notFound(operation, "model " + name + " has no version " + version));
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "UPDATE models SET tags = ? WHERE target = ? AND name = ? AND version = ?")) {
                st.setString(1, store.json().write(tags));
                st.setString(2, target);
                st.setString(3, name);
                st.setInt(4, version);
                st.executeUpdate();
              }
              writeTags(connection, name, version, tags);
              Model after =
                  new Model(
                      name,
                      version,
                      before.description(),
                      tags,
                      before.properties(),
                      before.artifactDigest(),
                      before.artifactSize(),
                      before.archived(),
                      before.source(),
                      before.createdAt());
              store
                  .audit()
                  .record(
                      connection,
                      "model.update_tags",
                      target,
                      name + ":" + version,
                      store.json().write(before.tags()),
                      store.json().write(tags));
              return after;
            });
  }

  @Override
  public Model archiveModel(String name, int version) {
    String operation = op("archiveModel", name + ":" + version);
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              Model before =
                  findModel(connection, name, version)
                      .orElseThrow(
                          () ->
                              notFound(operation, "model " + name + " has no version " + version));
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "UPDATE models SET archived = 1 WHERE target = ? AND name = ? AND version = ?")) {
                st.setString(1, target);
                st.setString(2, name);
                st.setInt(3, version);
                st.executeUpdate();
              }
              store
                  .audit()
                  .record(
                      connection,
                      "model.archive",
                      target,
                      name + ":" + version,
                      store.json().write(Map.of("archived", before.archived())),
                      store.json().write(Map.of("archived", true)));
              return findModel(connection, name, version).orElseThrow();
            });
  }

  @Override
  public Path downloadModel(String name, int version, Path targetDir) {
    Model model = getModel(name, version);
    return store.artifacts().get(model.artifactDigest(), targetDir);
  }

  private Model model(ResultSet rs) throws SQLException {
    return new Model(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        store.json().readMap(rs.getString(4)),
        store.json().readMap(rs.getString(5)),
        rs.getString(6),
        rs.getLong(7),
        rs.getInt(8) != 0,
        rs.getString(9),
        Instant.parse(rs.getString(10)));
  }

  // ---- environments ----------------------------------------------------------------------

  @Override
  public Environment createEnvironment(EnvironmentSpec spec) {
    return insertEnvironment(spec, "");
  }

  private Environment insertEnvironment(EnvironmentSpec spec, String source) {
    String operation = op("createEnvironment", spec.name() + ":" + spec.version());
    Validation.name(operation, "environment", spec.name());
    Validation.version(operation, spec.version());
    Validation.entries(operation, "tag", spec.tags());
    Validation.noCredential(operation, "description", spec.description());
    Validation.noCredential(operation, "conda file", spec.condaFile());
    Validation.noCredential(operation, "build context", spec.buildContext());
    Environment environment = new Environment(spec, source, store.clock().instant());
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "INSERT INTO environments (target, name, version, image, conda_file, build_context,"
                          + " description, tags, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, target);
                st.setString(2, spec.name());
                st.setString(3, spec.version());
                st.setString(4, spec.image());
                st.setString(5, spec.condaFile());
                st.setString(6, spec.buildContext());
                st.setString(7, spec.description());
                st.setString(8, store.json().write(spec.tags()));
                st.setString(9, source);
                st.setString(10, environment.createdAt().toString());
                st.executeUpdate();
              } catch (SQLException e) {
                throw conflictOr(
                    e, operation, "environment " + spec.name() + " version " + spec.version());
              }
              store
                  .audit()
                  .record(
                      connection,
                      "environment.create",
                      target,
                      spec.name() + ":" + spec.version(),
                      "",
                      store.json().write(environment));
              return environment;
            });
  }

  @Override
  public Environment getEnvironment(String name, String version) {
    List<Environment> found = environments(name, version);
    if (found.isEmpty()) {
      throw notFound(
          op("getEnvironment", name + ":" + version),
          "environment " + name + " has no version " + version);
    }
    return found.get(0);
  }

  @Override
  public List<Environment> listEnvironments(String name) {
    return environments(name, "");
  }

  private List<Environment> environments(String name, String version) {
    return query(
        op("listEnvironments", name),
        "SELECT name, version, image, conda_file, build_context, description, tags, source,"
            + " created_at FROM environments",
        name,
        version,
        " ORDER BY name, created_at DESC, version DESC",
        rs ->
            new Environment(
                new EnvironmentSpec(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    store.json().readMap(rs.getString(7))),
                rs.getString(8),
                Instant.parse(rs.getString(9))));
  }

  /** Reads one row of a query result. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs a query on this target's rows, optionally narrowed to a name and a version. */
  private <T> List<T> query(
      String operation,
      String select,
      String name,
      String version,
      String orderBy,
      RowReader<T> reader) {
    String sql =
        select
            + " WHERE target = ?"
            + (name.isEmpty() ? "" : " AND name = ?")
            + (version.isEmpty() ? "" : " AND version = ?")
            + orderBy;
    return store
        .sqlite()
        .read(
            operation,
            connection -> {
              try (PreparedStatement st = connection.prepareStatement(sql)) {
                int i = 1;
                st.setString(i++, target);
                if (!name.isEmpty()) {
                  st.setString(i++, name);
                }
                if (!version.isEmpty()) {
                  st.setString(i, version);
                }
                List<T> result = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    result.add(reader.read(rs));
                  }
                }
                return result;
              }
            });
  }

  // ---- data assets -----------------------------------------------------------------------

  @Override
  public DataAsset createDataAsset(DataAssetSpec spec) {
    String operation = op("createDataAsset", spec.name() + ":" + spec.version());
    Validation.name(operation, "data asset", spec.name());
    Validation.version(operation, spec.version());
    Validation.entries(operation, "tag", spec.tags());
    Validation.noCredential(operation, "description", spec.description());
    Validation.noCredential(operation, "path", spec.path());
    DataAsset asset = new DataAsset(spec, "", store.clock().instant());
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "INSERT INTO data_assets (target, name, version, type, path, description, tags, source,"
                          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, target);
                st.setString(2, spec.name());
                st.setString(3, spec.version());
                st.setString(4, spec.type().name());
                st.setString(5, spec.path());
                st.setString(6, spec.description());
                st.setString(7, store.json().write(spec.tags()));
                st.setString(8, "");
                st.setString(9, asset.createdAt().toString());
                st.executeUpdate();
              } catch (SQLException e) {
                throw conflictOr(
                    e, operation, "data asset " + spec.name() + " version " + spec.version());
              }
              store
                  .audit()
                  .record(
                      connection,
                      "data.create",
                      target,
                      spec.name() + ":" + spec.version(),
                      "",
                      store.json().write(asset));
              return asset;
            });
  }

  @Override
  public DataAsset getDataAsset(String name, String version) {
    List<DataAsset> found = dataAssets(name, version);
    if (found.isEmpty()) {
      throw notFound(
          op("getDataAsset", name + ":" + version),
          "data asset " + name + " has no version " + version);
    }
    return found.get(0);
  }

  @Override
  public DataAsset getOrCreateDataAsset(DataAssetSpec spec) {
    Validation.noCredential(
        op("getOrCreateDataAsset", spec.name() + ":" + spec.version()), "path", spec.path());
    List<DataAsset> existing = dataAssets(spec.name(), spec.version());
    if (existing.isEmpty()) {
      try {
        return createDataAsset(spec);
      } catch (RegistryException e) {
        if (e.reason() != Reason.CONFLICT) {
          throw e;
        }
        existing = dataAssets(spec.name(), spec.version()); // a concurrent writer created it
      }
    }
    DataAsset asset = existing.get(0);
    if (asset.spec().type() != spec.type() || !asset.spec().path().equals(spec.path())) {
      throw new RegistryException(
          Reason.CONFLICT,
          op("getOrCreateDataAsset", spec.name() + ":" + spec.version()),
          "version exists with type "
              + asset.spec().type()
              + " and path "
              + asset.spec().path()
              + "; a data asset version is immutable, so register the new data under a new version");
    }
    return asset;
  }

  @Override
  public List<DataAsset> listDataAssets(String name) {
    return dataAssets(name, "");
  }

  private List<DataAsset> dataAssets(String name, String version) {
    return query(
        op("listDataAssets", name),
        "SELECT name, version, type, path, description, tags, source, created_at FROM data_assets",
        name,
        version,
        " ORDER BY name, version DESC",
        rs ->
            new DataAsset(
                new DataAssetSpec(
                    rs.getString(1),
                    rs.getString(2),
                    DataAssetType.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    store.json().readMap(rs.getString(6))),
                rs.getString(7),
                Instant.parse(rs.getString(8))));
  }

  // ---- sharing ---------------------------------------------------------------------------

  @Override
  public AssetRef shareModel(String name, int version, String registry) {
    workspaceOnly("shareModel");
    Model model = getModel(name, version);
    LocalTarget destination = store.registryTarget(registry);
    String operation = op("shareModel", name + ":" + version + " -> " + registry);
    AssetRef copy = AssetRef.registry(registry, AssetKind.MODEL, name, Integer.toString(version));
    String source = store.refOf(this, model.ref());
    java.util.Optional<Model> existing =
        destination
            .store
            .sqlite()
            .read(operation, connection -> destination.findModel(connection, name, version));
    if (existing.isPresent()) {
      if (existing.get().artifactDigest().equals(model.artifactDigest())) {
        return copy;
      }
      throw new RegistryException(
          Reason.CONFLICT,
          operation,
          "registry "
              + registry
              + " already holds a different model "
              + name
              + " version "
              + version);
    }
    if (!store.artifacts().verify(model.artifactDigest())) {
      throw new RegistryException(
          Reason.FAILED,
          operation,
          "the model's stored artifact is missing or corrupt; re-register it");
    }
    try {
      destination.insertModel(
          operation,
          name,
          model.description(),
          model.tags(),
          model.properties(),
          model.artifactDigest(),
          model.artifactSize(),
          source,
          version);
    } catch (RegistryException e) {
      if (e.reason() != Reason.CONFLICT) {
        throw e;
      }
      return shareModel(name, version, registry); // a concurrent share won; check it is the same
    }
    return copy;
  }

  @Override
  public AssetRef shareEnvironment(String name, String version, String registry) {
    workspaceOnly("shareEnvironment");
    Environment environment = getEnvironment(name, version);
    LocalTarget destination = store.registryTarget(registry);
    AssetRef copy = AssetRef.registry(registry, AssetKind.ENVIRONMENT, name, version);
    List<Environment> existing = destination.environments(name, version);
    if (!existing.isEmpty()) {
      if (existing.get(0).spec().equals(environment.spec())) {
        return copy;
      }
      throw new RegistryException(
          Reason.CONFLICT,
          op("shareEnvironment", name + ":" + version + " -> " + registry),
          "registry "
              + registry
              + " already holds a different environment "
              + name
              + " version "
              + version);
    }
    destination.insertEnvironment(environment.spec(), store.refOf(this, environment.ref()));
    return copy;
  }

  // ---- endpoints and deployments ---------------------------------------------------------

  @Override
  public BatchEndpoint createOrUpdateEndpoint(EndpointSpec spec) {
    workspaceOnly("createOrUpdateEndpoint");
    String operation = op("createOrUpdateEndpoint", spec.name());
    Validation.name(operation, "endpoint", spec.name());
    Validation.entries(operation, "tag", spec.tags());
    Validation.noCredential(operation, "description", spec.description());
    Instant now = store.clock().instant();
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              java.util.Optional<BatchEndpoint> before = findEndpoint(connection, spec.name());
              BatchEndpoint after =
                  new BatchEndpoint(
                      spec,
                      before.map(BatchEndpoint::defaultDeployment).orElse(""),
                      before.map(BatchEndpoint::createdAt).orElse(now),
                      now);
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "INSERT INTO endpoints (target, name, description, tags, default_deployment, created_at,"
                          + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target, name) DO UPDATE SET"
                          + " description = excluded.description, tags = excluded.tags,"
                          + " updated_at = excluded.updated_at")) {
                st.setString(1, target);
                st.setString(2, spec.name());
                st.setString(3, spec.description());
                st.setString(4, store.json().write(spec.tags()));
                st.setString(5, after.defaultDeployment());
                st.setString(6, after.createdAt().toString());
                st.setString(7, now.toString());
                st.executeUpdate();
              }
              store
                  .audit()
                  .record(
                      connection,
                      before.isPresent() ? "endpoint.update" : "endpoint.create",
                      target,
                      spec.name(),
                      before.map(store.json()::write).orElse(""),
                      store.json().write(after));
              return after;
            });
  }

  @Override
  public BatchEndpoint getEndpoint(String name) {
    workspaceOnly("getEndpoint");
    String operation = op("getEndpoint", name);
    return store
        .sqlite()
        .read(operation, connection -> findEndpoint(connection, name))
        .orElseThrow(() -> notFound(operation, "batch endpoint " + name + " does not exist"));
  }

  @Override
  public List<BatchEndpoint> listEndpoints() {
    workspaceOnly("listEndpoints");
    return store
        .sqlite()
        .read(
            op("listEndpoints", ""),
            connection -> {
              List<BatchEndpoint> result = new ArrayList<>();
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "SELECT name FROM endpoints WHERE target = ? ORDER BY name")) {
                st.setString(1, target);
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    result.add(findEndpoint(connection, rs.getString(1)).orElseThrow());
                  }
                }
              }
              return result;
            });
  }

  private java.util.Optional<BatchEndpoint> findEndpoint(Connection connection, String name)
      throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT description, tags, default_deployment, created_at, updated_at FROM endpoints"
                + " WHERE target = ? AND name = ?")) {
      st.setString(1, target);
      st.setString(2, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(
            new BatchEndpoint(
                new EndpointSpec(name, rs.getString(1), store.json().readMap(rs.getString(2))),
                rs.getString(3),
                Instant.parse(rs.getString(4)),
                Instant.parse(rs.getString(5))));
      }
    }
  }

  @Override
  public BatchEndpoint setDefaultDeployment(String endpoint, String deployment) {
    workspaceOnly("setDefaultDeployment");
    String operation = op("setDefaultDeployment", endpoint + "/" + deployment);
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              BatchEndpoint before =
                  findEndpoint(connection, endpoint)
                      .orElseThrow(
                          () ->
                              notFound(
                                  operation, "batch endpoint " + endpoint + " does not exist"));
              if (findDeployment(connection, endpoint, deployment).isEmpty()) {
                throw notFound(
                    operation, "batch endpoint " + endpoint + " has no deployment " + deployment);
              }
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "UPDATE endpoints SET default_deployment = ?, updated_at = ? WHERE target = ? AND name = ?")) {
                st.setString(1, deployment);
                st.setString(2, store.clock().instant().toString());
                st.setString(3, target);
                st.setString(4, endpoint);
                st.executeUpdate();
              }
              store
                  .audit()
                  .record(
                      connection,
                      "endpoint.set_default",
                      target,
                      endpoint,
                      store.json().write(Map.of("default_deployment", before.defaultDeployment())),
                      store.json().write(Map.of("default_deployment", deployment)));
              return findEndpoint(connection, endpoint).orElseThrow();
            });
  }

  @Override
  public BatchDeployment createOrUpdateDeployment(DeploymentSpec spec) {
    workspaceOnly("createOrUpdateDeployment");
    String operation = op("createOrUpdateDeployment", spec.endpoint() + "/" + spec.name());
    Validation.name(operation, "deployment", spec.name());
    Validation.entries(operation, "tag", spec.tags());
    Validation.entries(operation, "environment variable", spec.environmentVariables());
    store.resolveModel(this, spec.model(), operation);
    store.resolveEnvironment(this, spec.environment(), operation);
    Instant now = store.clock().instant();
    return store
        .sqlite()
        .write(
            operation,
            connection -> {
              if (findEndpoint(connection, spec.endpoint()).isEmpty()) {
                throw notFound(
                    operation,
                    "batch endpoint " + spec.endpoint() + " does not exist; create it first");
              }
              java.util.Optional<BatchDeployment> before =
                  findDeployment(connection, spec.endpoint(), spec.name());
              BatchDeployment after =
                  new BatchDeployment(
                      spec, before.map(BatchDeployment::createdAt).orElse(now), now);
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "INSERT INTO deployments (target, endpoint, name, spec, created_at, updated_at)"
                          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target, endpoint, name) DO UPDATE SET"
                          + " spec = excluded.spec, updated_at = excluded.updated_at")) {
                st.setString(1, target);
                st.setString(2, spec.endpoint());
                st.setString(3, spec.name());
                st.setString(4, store.json().write(spec));
                st.setString(5, after.createdAt().toString());
                st.setString(6, now.toString());
                st.executeUpdate();
              }
              store
                  .audit()
                  .record(
                      connection,
                      before.isPresent() ? "deployment.update" : "deployment.create",
                      target,
                      spec.endpoint() + "/" + spec.name(),
                      before.map(b -> store.json().write(b.spec())).orElse(""),
                      store.json().write(spec));
              return after;
            });
  }

  @Override
  public BatchDeployment getDeployment(String endpoint, String name) {
    workspaceOnly("getDeployment");
    String operation = op("getDeployment", endpoint + "/" + name);
    return store
        .sqlite()
        .read(operation, connection -> findDeployment(connection, endpoint, name))
        .orElseThrow(
            () -> notFound(operation, "batch endpoint " + endpoint + " has no deployment " + name));
  }

  @Override
  public List<BatchDeployment> listDeployments(String endpoint) {
    workspaceOnly("listDeployments");
    return store
        .sqlite()
        .read(
            op("listDeployments", endpoint),
            connection -> {
              List<BatchDeployment> result = new ArrayList<>();
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "SELECT name FROM deployments WHERE target = ? AND endpoint = ? ORDER BY name")) {
                st.setString(1, target);
                st.setString(2, endpoint);
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    result.add(findDeployment(connection, endpoint, rs.getString(1)).orElseThrow());
                  }
                }
              }
              return result;
            });
  }

  java.util.Optional<BatchDeployment> findDeployment(
      Connection connection, String endpoint, String name) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT spec, created_at, updated_at FROM deployments WHERE target = ? AND endpoint = ?"
                + " AND name = ?")) {
      st.setString(1, target);
      st.setString(2, endpoint);
      st.setString(3, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(
            new BatchDeployment(
                store.json().read(rs.getString(1), DeploymentSpec.class),
                Instant.parse(rs.getString(2)),
                Instant.parse(rs.getString(3))));
      }
    }
  }

  // ---- jobs ------------------------------------------------------------------------------

  @Override
  public Job invoke(String endpoint, String deployment, JobInputs inputs) {
    workspaceOnly("invoke");
    String operation = op("invoke", endpoint + "/" + deployment);
    Validation.entries(operation, "input value", inputs.values());
    Validation.noCredential(operation, "input", inputs.input());
    BatchEndpoint ep = getEndpoint(endpoint);
    String name = deployment.isEmpty() ? ep.defaultDeployment() : deployment;
    if (name.isEmpty()) {
      throw new RegistryException(
          Reason.VALIDATION,
          operation,
          "batch endpoint " + endpoint + " has no default deployment; name one or set a default");
    }
    BatchDeployment chosen = getDeployment(endpoint, name);
    return store.jobs().submit(this, chosen, inputs);
  }

  @Override
  public Job getJob(String id) {
    workspaceOnly("getJob");
    return store.jobs().get(target, id);
  }

  @Override
  public Job waitForJob(String id, Duration timeout) {
    workspaceOnly("waitForJob");
    return store.jobs().await(target, id, timeout);
  }

  @Override
  public Job cancelJob(String id) {
    workspaceOnly("cancelJob");
    return store.jobs().cancel(target, id);
  }

  @Override
  public String getJobLogs(String id) {
    workspaceOnly("getJobLogs");
    return store.jobs().logs(target, id);
  }

  // ---- helpers ---------------------------------------------------------------------------

  Model resolveLocalModel(String name, int version, String operation) {
    return store
        .sqlite()
        .read(operation, connection -> findModel(connection, name, version))
        .orElseThrow(
            () ->
                notFound(
                    operation,
                    "model " + name + " version " + version + " does not exist in " + target));
  }

  boolean hasEnvironment(String name, String version) {
    return !environments(name, version).isEmpty();
  }

  private void workspaceOnly(String operation) {
    if (kind != TargetKind.WORKSPACE) {
      throw new RegistryException(
          Reason.VALIDATION,
          op(operation, ""),
          target + " is a registry; endpoints, deployments, jobs and sharing belong to workspaces");
    }
  }

  private String op(String operation, String subject) {
    return operation + " " + target + (subject.isEmpty() ? "" : "/" + subject);
  }

  private static RegistryException notFound(String operation, String message) {
    return new RegistryException(Reason.NOT_FOUND, operation, message);
  }

  private static RuntimeException conflictOr(SQLException e, String operation, String what) {
    if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
      return new RegistryException(
          Reason.CONFLICT,
          operation,
          what + " already exists; versions are immutable, so create a new version");
    }
    return new RegistryException(
        Reason.FAILED, operation, "local store error: " + e.getMessage(), e);
  }

  MlRegistry asRegistry() {
    return this;
  }

  static String quote(String s) {
    return MlopsException.quote(s);
  }
}
