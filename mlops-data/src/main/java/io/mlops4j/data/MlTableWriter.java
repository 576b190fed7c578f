package io.mlops4j.data;

import io.mlops4j.data.MlTableTransformation.ColumnConversion;
import io.mlops4j.data.MlTableTransformation.ConvertColumnTypes;
import io.mlops4j.data.MlTableTransformation.DropColumns;
import io.mlops4j.data.MlTableTransformation.Filter;
import io.mlops4j.data.MlTableTransformation.KeepColumns;
import io.mlops4j.data.MlTableTransformation.ReadDelimited;
import io.mlops4j.data.MlTableTransformation.ReadDeltaLake;
import io.mlops4j.data.MlTableTransformation.ReadJsonLines;
import io.mlops4j.data.MlTableTransformation.ReadParquet;
import io.mlops4j.data.MlTableTransformation.Skip;
import io.mlops4j.data.MlTableTransformation.Take;
import io.mlops4j.data.internal.DataErrors;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes an {@link MlTable} as YAML text, by hand so the layout is fixed: two-space indents, lists
 * of columns in flow style, strings plain when YAML reads them back as the same string, otherwise
 * single-quoted, or double-quoted with escapes when they hold control characters.
 */
final class MlTableWriter {
  /** Plain scalars we emit: no spaces, no flow or comment indicators, no leading indicator. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*");

  private static final Set<Tag> LITERAL_TAGS = Set.of(Tag.BOOL, Tag.INT, Tag.FLOAT);

  private final StringBuilder out = new StringBuilder();
  private final Resolver resolver = new Resolver();

  private MlTableWriter() {}

  static String write(MlTable table) {
    return new MlTableWriter().table(table);
  }

  private String table(MlTable table) {
    if (!table.schema().isEmpty()) {
      out.append("$schema: ").append(scalar(table.schema())).append('\n');
    }
    out.append("type: mltable\n");
    out.append("paths:\n");
    for (MlTablePath path : table.paths()) {
      out.append("  - ").append(path.kind().key()).append(": ");
      out.append(scalar(path.location())).append('\n');
    }
    if (!table.transformations().isEmpty()) {
      out.append("transformations:\n");
      table.transformations().forEach(this::step);
    }
    return out.toString();
  }

  private void step(MlTableTransformation step) {
    out.append("  - ").append(step.name()).append(':');
    if (step instanceof ReadDelimited r) {
      settings(r.settings());
    } else if (step instanceof ReadParquet r) {
      settings(r.settings());
    } else if (step instanceof ReadJsonLines r) {
      settings(r.settings());
    } else if (step instanceof ReadDeltaLake r) {
      out.append('\n');
      if (r.asOf() instanceof DeltaAsOf.Version v) {
        out.append("      version_as_of: ").append(v.version()).append('\n');
      } else if (r.asOf() instanceof DeltaAsOf.Timestamp t) {
        out.append("      timestamp_as_of: ").append(scalar(t.timestamp())).append('\n');
      }
      if (r.includePathColumn()) {
        out.append("      include_path_column: true\n");
      }
    } else if (step instanceof Filter f) {
      out.append(' ').append(scalar(f.expression())).append('\n');
    } else if (step instanceof KeepColumns k) {
      out.append(' ').append(flowList(k.columns())).append('\n');
    } else if (step instanceof DropColumns d) {
      out.append(' ').append(flowList(d.columns())).append('\n');
    } else if (step instanceof ConvertColumnTypes c) {
      out.append('\n');
      for (ColumnConversion conversion : c.conversions()) {
        List<String> columns = conversion.columns();
        out.append("      - columns: ");
        out.append(columns.size() == 1 ? scalar(columns.get(0)) : flowList(columns));
        out.append('\n');
        out.append("        column_type: ").append(scalar(conversion.columnType())).append('\n');
      }
    } else if (step instanceof Take t) {
      out.append(' ').append(t.count()).append('\n');
    } else if (step instanceof Skip s) {
      out.append(' ').append(s.count()).append('\n');
    } else {
      throw new IllegalStateException("no YAML form for " + step);
    }
  }

  private void settings(Map<String, String> settings) {
    if (settings.isEmpty()) {
      out.append(" {}\n");
      return;
    }
    out.append('\n');
    settings.forEach(
        (key, value) ->
            out.append("      ")
                .append(scalar(key))
                .append(": ")
                .append(isLiteral(value) ? value : scalar(value))
                .append('\n'));
  }

  /** True if YAML reads the text, unquoted, as a boolean or a number. */
  private boolean isLiteral(String value) {
    return PLAIN.matcher(value).matches()
        && LITERAL_TAGS.contains(resolver.resolve(NodeId.scalar, value, true));
  }

  private String flowList(List<String> items) {
    StringBuilder list = new StringBuilder("[");
    for (String item : items) {
      if (list.length() > 1) {
        list.append(", ");
      }
      list.append(scalar(item));
    }
    return list.append(']').toString();
  }

  /** The text as a YAML scalar that reads back as exactly this string. */
  private String scalar(String text) {
    if (DataErrors.hasControlCharacter(text)) {
      return doubleQuoted(text);
    }
    if (PLAIN.matcher(text).matches()
        && !text.endsWith(":")
        && resolver.resolve(NodeId.scalar, text, true).equals(Tag.STR)) {
      return text;
    }
    return "'" + text.replace("'", "''") + "'";
  }

  private static String doubleQuoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (DataErrors.isControlCharacter(c)) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
