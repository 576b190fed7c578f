/**
 * The implementation of {@code io.mlops4j.data} on delta-kernel: never imported by other modules.
 *
 * <p>Kernel internals this package relies on (no public alternative in delta-kernel 4.4.0) are used
 * only in {@code DeltaSensorTable}: {@code InternalScanFileUtils}, {@code ScanStateRow}, {@code
 * AddFile} and {@code SingleAction}.
 */
package io.mlops4j.data.internal;
