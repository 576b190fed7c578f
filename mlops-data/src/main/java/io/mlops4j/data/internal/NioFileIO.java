package io.mlops4j.data.internal;

import io.delta.kernel.defaults.engine.fileio.*;
import io.delta.kernel.defaults.engine.hadoopio.HadoopInputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.*;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.*;
import java.util.stream.*;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Local-disk {@link FileIO} on java.nio for kernel's DefaultEngine ({@code
 * DefaultEngine.create(fileIO)}).
 *
 * <p>Why: without the native libhadoop (not shipped in hadoop-client-*), Hadoop's local file system
 * forks {@code chmod} for every file it creates and {@code readlink}/{@code stat} for some status
 * calls, and ChecksumFileSystem writes a {@code .crc} side file per file. Put-if-absent for commit
 * files is a hard link ({@code link(2)} fails if the target exists), which is atomic across
 * processes, unlike Hadoop's exists-then-rename on the local FS.
 */
public final class NioFileIO implements FileIO {
  private final Configuration conf;
  private final LocalFileSystem hadoopLocalFs; // only carries `conf` for the Parquet reader

  public NioFileIO(Configuration conf) {
    this.conf = conf;
    try {
      this.hadoopLocalFs = org.apache.hadoop.fs.FileSystem.getLocal(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path toPath(String path) {
    return path.startsWith("file:")
        ? Paths.get(URI.create(path.replace(" ", "%20")))
        : Paths.get(path);
  }

  /**
   * Hadoop-style "file:/abs/path" (what HadoopFileIO produces; AddFile paths are relativised
   * against it).
   */
  static String toUri(Path p) {
    return "file:" + p.toAbsolutePath().normalize();
  }

  private static FileStatus status(Path p, BasicFileAttributes a) {
    return FileStatus.of(toUri(p), a.size(), a.lastModifiedTime().toMillis());
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    Path p = toPath(filePath);
    Path dir = p.getParent();
    String from = p.getFileName().toString();
    if (!Files.isDirectory(dir)) throw new FileNotFoundException(dir.toString());
    List<FileStatus> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      List<Path> entries = new ArrayList<>();
      for (Path e : ds) if (e.getFileName().toString().compareTo(from) >= 0) entries.add(e);
      entries.sort(Comparator.comparing(e -> e.getFileName().toString()));
      for (Path e : entries) {
        try {
          out.add(status(e, Files.readAttributes(e, BasicFileAttributes.class)));
        } catch (NoSuchFileException gone) {
          // deleted between listing and stat (e.g. temp file renamed): skip
        }
      }
    }
    Iterator<FileStatus> it = out.iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public FileStatus next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    Path p = toPath(path);
    try {
      return status(p, Files.readAttributes(p, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException(path);
    }
  }

  @Override
  public String resolvePath(String path) {
    return toUri(toPath(path));
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    Files.createDirectories(toPath(path));
    return true;
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    // Subclass HadoopInputFile so kernel's Parquet reader reuses `conf` instead of building (and
    // parsing core-default.xml for) a fresh Hadoop Configuration per file.
    return new HadoopInputFile(hadoopLocalFs, new org.apache.hadoop.fs.Path(path), fileSize) {
      @Override
      public SeekableInputStream newStream() throws IOException {
        try {
          return new ChannelInputStream(FileChannel.open(toPath(path), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
          // kernel probes _last_checkpoint etc. and only treats FileNotFoundException as "absent"
          throw new FileNotFoundException(path);
        }
      }
    };
  }

  @Override
  public OutputFile newOutputFile(String path) {
    Path target = toPath(path);
    return new OutputFile() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public PositionOutputStream create(boolean putIfAbsent) throws IOException {
        Files.createDirectories(target.getParent());
        if (!putIfAbsent) {
          return new ChannelOutputStream(
              FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              null,
              null);
        }
        Path tmp = tempFor(target);
        return new ChannelOutputStream(
            FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            tmp,
            target);
      }

      @Override
      public void writeAtomically(CloseableIterator<String> data, boolean overwrite)
          throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = tempFor(target);
        try (CloseableIterator<String> lines = data;
            Writer w =
                new BufferedWriter(
                    new OutputStreamWriter(
                        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW),
                        StandardCharsets.UTF_8))) {
          while (lines.hasNext()) {
            w.write(lines.next());
            w.write('\n');
          }
        }
        publish(tmp, target, overwrite);
      }
    };
  }

  private static Path tempFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
  }

  /**
   * Atomic publish; when !overwrite, fails with java.nio.file.FileAlreadyExistsException (kernel's
   * conflict signal).
   */
  static void publish(Path tmp, Path target, boolean overwrite) throws IOException {
    try {
      if (overwrite) {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.createLink(target, tmp); // link(2): atomic put-if-absent
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public boolean delete(String path) throws IOException {
    return Files.deleteIfExists(toPath(path));
  }

  @Override
  public Optional<String> getConf(String confKey) {
    return Optional.ofNullable(conf.get(confKey));
  }

  @Override
  public void copyFileAtomically(String srcPath, String destPath, boolean overwrite)
      throws IOException {
    Path target = toPath(destPath);
    Path tmp = tempFor(target);
    Files.copy(toPath(srcPath), tmp);
    publish(tmp, target, overwrite);
  }

  // ------------------------------------------------------------------ streams

  static final class ChannelInputStream extends SeekableInputStream {
    private final FileChannel ch;
    private final ByteBuffer one = ByteBuffer.allocate(1);

    ChannelInputStream(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public long getPos() throws IOException {
      return ch.position();
    }

    @Override
    public void seek(long newPos) throws IOException {
      ch.position(newPos);
    }

    @Override
    public int read() throws IOException {
      one.clear();
      int n = ch.read(one);
      return n <= 0 ? -1 : one.get(0) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) return 0;
      return ch.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) throw new EOFException("EOF with " + buf.remaining() + " bytes left");
      }
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  static final class ChannelOutputStream extends PositionOutputStream {
    private final FileChannel ch;
    private final OutputStream out;
    private final Path tmp, target;
    private long pos;

    ChannelOutputStream(FileChannel ch, Path tmp, Path target) {
      this.ch = ch;
      this.out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16);
      this.tmp = tmp;
      this.target = target;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
      if (tmp != null) publish(tmp, target, false);
    }
  }
}
