package io.mlops4j.release.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The validator the stub applies to every request and response: it accepts every official example
 * of the fixtures and rejects deliberately invalid bodies, one violation kind at a time.
 */
class SwaggerValidatorTest {
  private static final String WS =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/my-ws";

  private final ObjectMapper mapper = new ObjectMapper();
  private final Path rest = sharedDir().resolve("azure-ml-rest");
  private final SwaggerValidator validator = SwaggerValidator.forAzureMl(rest);

  static Path sharedDir() {
    Path root = Path.of(System.getProperty("mlops.repo.root", "..")).toAbsolutePath().normalize();
    return Path.of(System.getProperty("mlops.shared.dir", root.resolve("../shared").toString()));
  }

  @Test
  void acceptsEveryRequestAndResponseOfTheOfficialExamples() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rest.resolve("examples"))) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode example = mapper.readTree(file.toFile());
      SwaggerValidator.Operation op = operationOf(file, example);
      if (op == null) {
        problems.add("no operation found for " + file);
        continue;
      }
      JsonNode body = example.path("parameters").path("body");
      if (!body.isMissingNode()) {
        problems.addAll(validator.validateRequest(op, Map.of(), body));
        checked++;
      }
      var responses = example.path("responses").fields();
      while (responses.hasNext()) {
        var r = responses.next();
        problems.addAll(
            validator.validateResponse(op, Integer.parseInt(r.getKey()), r.getValue().get("body")));
        checked++;
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(50);
    assertThat(checked).isGreaterThan(80);
    assertThat(problems).isEmpty();
  }

  /** Finds an example's operation from its path parameters and file name. */
  private SwaggerValidator.Operation operationOf(Path file, JsonNode example) {
    String name = file.getFileName().toString();
    String method =
        switch (name) {
          case "createOrUpdate.json" -> "PUT";
          case "delete.json" -> "DELETE";
          case "update.json" -> "PATCH";
          case "cancel.json", "listKeys.json", "createOrGetStartPendingUpload.json" -> "POST";
          default -> "GET";
        };
    JsonNode p = example.path("parameters");
    String rel =
        rest.resolve("examples").relativize(file.getParent()).toString().replace('\\', '/');
    String base =
        p.has("registryName")
            ? "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/registries/r"
            : WS;
    String kind = rel.substring(rel.lastIndexOf('/') + 1);
    String name1 =
        p.has("name")
            ? p.get("name").asText()
            : p.path("modelName").asText(p.path("environmentName").asText("n"));
    String path =
        switch (kind) {
          case "ModelContainer" -> base + "/models" + (name.equals("list.json") ? "" : "/" + name1);
          case "ModelVersion" ->
              base + "/models/" + name1 + "/versions" + (name.equals("list.json") ? "" : "/1");
          case "EnvironmentContainer" ->
              base + "/environments" + (name.equals("list.json") ? "" : "/" + name1);
          case "EnvironmentVersion" ->
              base
                  + "/environments/"
                  + name1
                  + "/versions"
                  + (name.equals("list.json") ? "" : "/1");
          case "DataContainer" -> base + "/data" + (name.equals("list.json") ? "" : "/" + name1);
          case "DataVersionBase" ->
              base + "/data/" + name1 + "/versions" + (name.contains("ist") ? "" : "/1");
          case "CodeVersion" -> base + "/codes/" + name1 + "/versions/1";
          case "BatchEndpoint" ->
              base
                  + "/batchEndpoints"
                  + (name.equals("list.json") ? "" : "/e")
                  + (name.equals("listKeys.json") ? "/listkeys" : "");
          case "BatchDeployment" ->
              base + "/batchEndpoints/e/deployments" + (name.equals("list.json") ? "" : "/d");
          case "CommandJob", "PipelineJob" ->
              base + "/jobs" + (name.equals("list.json") ? "" : "/j");
          case "Job" -> base + "/jobs/j/cancel";
          case "Registries" ->
              "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/registries/r";
          default -> "";
        };
    if (name.equals("createOrGetStartPendingUpload.json")) {
      path = path + "/startPendingUpload";
    }
    return validator.find(method, path).map(Map.Entry::getKey).orElse(null);
  }

  private SwaggerValidator.Operation op(String method, String path) {
    return validator.find(method, path).orElseThrow().getKey();
  }

  private ObjectNode validModelVersion() {
    ObjectNode body = mapper.createObjectNode();
    ObjectNode p = body.putObject("properties");
    p.put("description", "LSTM");
    p.putObject("tags").put("plant_id", "P001");
    p.putObject("properties").put("mlops4j.artifact_digest", "sha256:00");
    p.put("isArchived", false);
    p.put("modelType", "custom_model");
    p.put("modelUri", "azureml://datastores/workspaceblobstore/paths/x");
    return body;
  }

  @Test
  void acceptsTheModelVersionBodyTheClientSends() {
    SwaggerValidator.Operation put = op("PUT", WS + "/models/m/versions/1");

    assertThat(
            validator.validateRequest(
                put, Map.of("name", "m", "version", "1"), validModelVersion()))
        .isEmpty();
  }

  @Test
  void rejectsDeliberatelyInvalidRequestBodies() {
    SwaggerValidator.Operation put = op("PUT", WS + "/models/m/versions/1");
    ObjectNode wrongType = validModelVersion();
    ((ObjectNode) wrongType.get("properties")).put("isArchived", "yes");
    ObjectNode unknown = validModelVersion();
    ((ObjectNode) unknown.get("properties")).put("artifactDigest", "sha256:00");
    ObjectNode readOnly = validModelVersion();
    ((ObjectNode) readOnly.get("properties")).put("provisioningState", "Succeeded");
    ObjectNode tagNotString = validModelVersion();
    ((ObjectNode) tagNotString.get("properties").get("tags")).put("plant_id", 1);

    assertThat(validator.validateRequest(put, Map.of(), wrongType))
        .singleElement()
        .asString()
        .contains("isArchived")
        .contains("expected a boolean");
    assertThat(validator.validateRequest(put, Map.of(), unknown))
        .singleElement()
        .asString()
        .contains("artifactDigest")
        .contains("unknown property");
    assertThat(validator.validateRequest(put, Map.of(), readOnly))
        .singleElement()
        .asString()
        .contains("provisioningState")
        .contains("read-only");
    assertThat(validator.validateRequest(put, Map.of(), tagNotString))
        .singleElement()
        .asString()
        .contains("plant_id")
        .contains("expected a string");
  }

  @Test
  void resolvesDiscriminatedSubTypesAndRejectsUnknownOnesAndMissingRequiredFields() {
    SwaggerValidator.Operation put = op("PUT", WS + "/data/d/versions/1");
    ObjectNode ok = mapper.createObjectNode();
    ok.putObject("properties").put("dataType", "uri_folder").put("dataUri", "azureml://x/y");
    ObjectNode unknownType = ok.deepCopy();
    ((ObjectNode) unknownType.get("properties")).put("dataType", "parquet");
    ObjectNode missingUri = mapper.createObjectNode();
    missingUri.putObject("properties").put("dataType", "mltable");
    ObjectNode mltableField = ok.deepCopy();
    ((ObjectNode) mltableField.get("properties")).putArray("referencedUris").add("x");

    assertThat(validator.validateRequest(put, Map.of(), ok)).isEmpty();
    assertThat(validator.validateRequest(put, Map.of(), unknownType))
        .singleElement()
        .asString()
        .contains("no sub-type")
        .contains("parquet");
    assertThat(validator.validateRequest(put, Map.of(), missingUri))
        .singleElement()
        .asString()
        .contains("required property 'dataUri'");
    assertThat(validator.validateRequest(put, Map.of(), mltableField))
        .singleElement()
        .asString()
        .contains("referencedUris")
        .contains("unknown property");
  }

  @Test
  void rejectsNullWithoutXNullableAndChecksPathParameterPatterns() {
    SwaggerValidator.Operation putEndpoint = op("PUT", WS + "/batchEndpoints/e");
    ObjectNode endpoint = mapper.createObjectNode();
    endpoint.put("location", "westeurope");
    endpoint.putObject("properties").put("authMode", "AADToken").putNull("description");
    ObjectNode nullAuth = mapper.createObjectNode();
    nullAuth.put("location", "westeurope");
    nullAuth.putObject("properties").putNull("authMode");
    String bad = URLEncoder.encode("-bad name", StandardCharsets.UTF_8);

    assertThat(validator.validateRequest(putEndpoint, Map.of("endpointName", "e"), endpoint))
        .isEmpty();
    assertThat(validator.validateRequest(putEndpoint, Map.of(), nullAuth))
        .anySatisfy(e -> assertThat(e).contains("authMode").contains("null"));
    assertThat(
            validator.validateRequest(
                putEndpoint,
                validator.find("PUT", WS + "/batchEndpoints/" + bad).orElseThrow().getValue(),
                endpoint))
        .singleElement()
        .asString()
        .contains("endpointName")
        .contains("does not match");
  }

  @Test
  void treatsExtensibleEnumsAsOpenStringsButClosedEnumsStrictly() {
    SwaggerValidator.Operation getContainer = op("GET", WS + "/data/d");
    ObjectNode container = mapper.createObjectNode();
    container.put("id", "x").put("name", "d").put("type", "t");
    container.putObject("properties").put("dataType", "UriFile");
    ObjectNode job = mapper.createObjectNode();
    job.put("id", "x").put("name", "j").put("type", "t");
    job.putObject("properties").put("jobType", "Pipeline").put("status", "Whatever");

    assertThat(validator.validateResponse(getContainer, 200, container)).isEmpty();
    assertThat(validator.validateResponse(op("GET", WS + "/jobs/j"), 200, job)).isEmpty();
  }

  @Test
  void rejectsAResponseMissingARequiredPropertyOrWithAnUndeclaredStatus() {
    SwaggerValidator.Operation getVersion = op("GET", WS + "/data/d/versions/1");
    ObjectNode noUri = mapper.createObjectNode();
    noUri.putObject("properties").put("dataType", "uri_file");

    assertThat(validator.validateResponse(getVersion, 200, noUri))
        .anySatisfy(e -> assertThat(e).contains("dataUri"));
    assertThat(validator.validateResponse(getVersion, 201, noUri))
        .singleElement()
        .asString()
        .contains("201 is not declared");
  }
}
