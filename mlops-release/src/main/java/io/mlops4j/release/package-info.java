/**
 * The workspace and registry client of mlops4j: one small API ({@link io.mlops4j.release.MlClient},
 * {@link io.mlops4j.release.MlWorkspace}, {@link io.mlops4j.release.MlRegistry}) over two backends,
 * the embedded local store ({@link io.mlops4j.release.MlClients#local}) and Azure ML.
 *
 * <p>Models have integer versions allocated by the backend; environments and data assets have
 * string versions (semver, cutoff date). Every asset version is immutable once created; only its
 * tags may change. Failures are {@link io.mlops4j.release.RegistryException}s with a {@link
 * io.mlops4j.release.RegistryException.Reason} callers can branch on.
 */
package io.mlops4j.release;
