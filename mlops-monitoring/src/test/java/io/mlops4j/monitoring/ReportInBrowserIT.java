package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated report in Debian's headless Chromium: the table must render and every chart
 * image must load. .ci/run installs Chromium; elsewhere the test is skipped when it is missing (and
 * fails under CI=true).
 */
class ReportInBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path dir;
  private static Path index;

  @BeforeAll
  static void writeReport() {
    boolean installed = Files.isExecutable(CHROMIUM);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI must install chromium (see .ci/run)");
    }
    assumeTrue(installed, "chromium is not installed: apt-get install chromium");
    index = ReportFixtures.twoCircuits().write(dir.resolve("report"));
  }

  private static String chromium(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(CHROMIUM.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Path log = dir.resolve("chromium.log");
    Process process =
        new ProcessBuilder(command)
            .redirectError(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    return out;
  }

  @Test
  void chromiumRendersTheTableAndLoadsEveryImage() throws Exception {
    String dom = chromium("--dump-dom", index.toUri().toString());

    Matcher loaded = Pattern.compile("data-images-loaded=\"(\\d+)/(\\d+)\"").matcher(dom);
    assertThat(loaded.find()).as("the page's load script ran").isTrue();
    assertThat(loaded.group(2)).isEqualTo("8");
    assertThat(loaded.group(1)).as("images that decoded").isEqualTo("8");
    assertThat(
            Pattern.compile("<tr class=\"circuit (OK|WARNING|CRITICAL)\">").matcher(dom).results())
        .hasSize(2);
  }

  @Test
  void clickingAHeadingSortsTheRowsUpThenDown() throws Exception {
    // A copy of the page with a script that clicks the MAE heading twice, as a user would, and
    // records the column's values after each click; the page's own sorting code is unchanged.
    String clicks =
        """
        <script>
        window.addEventListener('load', function () {
          var table = document.getElementById('circuits');
          var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
          var column = headings.findIndex(function (th) { return th.textContent === 'MAE'; });
          function values() {
            return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
              return r.cells[column].getAttribute('data-value');
            }).join(';');
          }
          document.body.setAttribute('data-before', values());
          headings[column].click();
          document.body.setAttribute('data-after-one-click', values());
          headings[column].click();
          document.body.setAttribute('data-after-two-clicks', values());
        });
        </script>
        """;
    Path page = index.resolveSibling("sort-check.html");
    Files.writeString(page, Files.readString(index).replace("</body>", clicks + "</body>"));

    String dom = chromium("--dump-dom", page.toUri().toString());

    List<Double> before = attribute(dom, "data-before");
    List<Double> up = attribute(dom, "data-after-one-click");
    List<Double> down = attribute(dom, "data-after-two-clicks");
    assertThat(before).hasSize(2).doesNotHaveDuplicates();
    assertThat(up).containsExactlyInAnyOrderElementsOf(before).isSorted();
    List<Double> reversed = new ArrayList<>(up);
    java.util.Collections.reverse(reversed);
    assertThat(down).containsExactlyElementsOf(reversed);
  }

  private static List<Double> attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as(name + " set by the page's script").isTrue();
    return java.util.Arrays.stream(m.group(1).split(";")).map(Double::valueOf).toList();
  }

  @Test
  void screenshotShowsColouredStatusCells() throws Exception {
    Path png = dir.resolve("report.png");
    chromium("--screenshot=" + png, "--window-size=1280,900", index.toUri().toString());

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    Set<Integer> statusColours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        if (rgb == 0xc8e6c9 || rgb == 0xef9a9a) {
          statusColours.add(rgb);
        }
      }
    }
    assertThat(statusColours).as("green OK and red CRITICAL cells").hasSize(2);
    Path keep = Path.of(System.getProperty("report.screenshot", ""));
    if (!keep.toString().isEmpty()) {
      Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
