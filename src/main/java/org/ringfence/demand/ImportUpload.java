package org.ringfence.demand;

import java.nio.file.Path;

/** A file received for an import, kept in a temporary file until its job ends. */
public record ImportUpload(String name, long bytes, Path file) {
}
