package io.mlops4j.release;

/** The types of data asset. */
public enum DataAssetType {
  /** A table described by an MLTable file. */
  MLTABLE,
  /** A folder. */
  URI_FOLDER,
  /** A single file. */
  URI_FILE
}
