/** The embedded local backend: SQLite metadata, a content-addressed artifact store, local jobs. */
package io.mlops4j.release.internal;
