package io.mlops4j.data;

import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.DataErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes and reads the one filter expression mlops4j uses: {@code col("sensor_id") == "<sensor>"
 * and col("date") <= "<yyyy-mm-dd>"}.
 *
 * <p>Writing never escapes: a value that could change the expression is rejected. Reading tokenizes
 * the expression (identifiers, quoted strings without escapes, parentheses, comparison operators,
 * numbers) and accepts exactly two clauses {@code col("<column>") <op> "<value>"} joined by {@code
 * and}, one for {@code sensor_id} with {@code ==} and one for {@code date} with {@code <=}, in
 * either order; strings may use double or single quotes.
 *
 * <p>The date is compared as a string: MLTable documents no date literal (see
 * ../shared/AZURE-ML-NOTES.md 2.3). ISO dates {@code yyyy-mm-dd} sort as strings in date order, so
 * the comparison selects the same rows whether the engine compares the {@code date} column as text
 * or converts the literal to a date. [inference] How Azure ML's engine compares a date column to a
 * string is untested.
 */
final class FilterExpression {
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** What the training filter selects. */
  record TrainingFilter(String sensorId, LocalDate lastDate) {}

  private enum Kind {
    IDENTIFIER,
    STRING,
    NUMBER,
    OPEN,
    CLOSE,
    OPERATOR,
    END
  }

  /** A token; {@code position} is 1-based. */
  private record Token(Kind kind, String text, int position) {
    String shown() {
      return switch (kind) {
        case END -> "the end of the expression";
        case STRING -> "string " + MlopsException.quote(text);
        default -> "'" + text + "'";
      };
    }
  }

  private FilterExpression() {}

  /**
   * Writes the training filter of a sensor up to a date.
   *
   * @throws InvalidIdException if the sensor id or the date's text is unsafe in an expression
   */
  static String training(String sensorId, LocalDate lastDate) {
    SensorTableColumns.checkSensorId(sensorId);
    String date = lastDate.toString();
    if (!ISO_DATE.matcher(date).matches()) {
      throw new InvalidIdException(DataErrors.unsafeFilterDate(date));
    }
    return clause(SensorTableColumns.SENSOR_ID, "==", sensorId)
        + " and "
        + clause(SensorTableColumns.DATE, "<=", date);
  }

  private static String clause(String column, String operator, String value) {
    return "col(\"" + column + "\") " + operator + " \"" + value + "\"";
  }

  /**
   * Reads a training filter.
   *
   * @throws MlopsException if the expression is not of the supported form, saying where
   */
  static TrainingFilter parseTraining(String expression) {
    List<Token> tokens = tokenize(expression);
    int[] next = {0};
    String[] first = clause(expression, tokens, next);
    Token and = tokens.get(next[0]);
    if (and.kind() == Kind.END) {
      throw unsupported(expression, "it has one clause; expected two clauses joined by 'and'");
    }
    if (and.kind() != Kind.IDENTIFIER || !and.text().equals("and")) {
      throw unsupported(
          expression,
          and.shown()
              + " at character "
              + and.position()
              + " is not supported; clauses may only be joined by 'and'");
    }
    next[0]++;
    String[] second = clause(expression, tokens, next);
    Token end = tokens.get(next[0]);
    if (end.kind() != Kind.END) {
      throw unsupported(
          expression,
          "unexpected "
              + end.shown()
              + " at character "
              + end.position()
              + " after the second clause; only two clauses are supported");
    }
    String sensorId = null;
    String date = null;
    for (String[] c : List.of(first, second)) {
      String column = c[0];
      String operator = c[1];
      String value = c[2];
      if (column.equals(SensorTableColumns.SENSOR_ID)) {
        if (sensorId != null) {
          throw unsupported(expression, "it filters sensor_id twice; expected sensor_id and date");
        }
        requireOperator(expression, column, operator, "==");
        sensorId = value;
      } else if (column.equals(SensorTableColumns.DATE)) {
        if (date != null) {
          throw unsupported(expression, "it filters date twice; expected sensor_id and date");
        }
        requireOperator(expression, column, operator, "<=");
        date = value;
      } else {
        throw unsupported(
            expression,
            "column "
                + MlopsException.quote(column)
                + " is not supported; expected sensor_id and date");
      }
    }
    if (!SensorTableColumns.SENSOR_ID_VALUE.matcher(sensorId).matches()) {
      throw unsupported(
          expression,
          "sensor id "
              + MlopsException.quote(sensorId)
              + " is not valid; "
              + SensorTableColumns.SENSOR_ID_RULE);
    }
    return new TrainingFilter(sensorId, parseDate(expression, date));
  }

  private static LocalDate parseDate(String expression, String date) {
    if (ISO_DATE.matcher(date).matches()) {
      try {
        return LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw unsupported(
        expression, "date " + MlopsException.quote(date) + " is not a date of the form yyyy-mm-dd");
  }

  private static void requireOperator(
      String expression, String column, String operator, String expected) {
    if (!operator.equals(expected)) {
      throw unsupported(
          expression,
          column + " is compared with " + operator + "; only " + expected + " is supported");
    }
  }

  /** Reads {@code col ( STRING ) OPERATOR STRING}; returns column, operator, value. */
  private static String[] clause(String expression, List<Token> tokens, int[] next) {
    Token col = expect(expression, tokens, next, Kind.IDENTIFIER, "col(\"<column>\")");
    if (!col.text().equals("col")) {
      throw unsupported(
          expression,
          "expected col(\"<column>\") at character "
              + col.position()
              + ", found "
              + col.shown()
              + "; bare column names, 'not' and functions are not supported");
    }
    expect(expression, tokens, next, Kind.OPEN, "'('");
    Token column = expect(expression, tokens, next, Kind.STRING, "a quoted column name");
    expect(expression, tokens, next, Kind.CLOSE, "')'");
    Token operator = expect(expression, tokens, next, Kind.OPERATOR, "a comparison");
    Token value = expect(expression, tokens, next, Kind.STRING, "a quoted value");
    return new String[] {column.text(), operator.text(), value.text()};
  }

  private static Token expect(
      String expression, List<Token> tokens, int[] next, Kind kind, String what) {
    Token token = tokens.get(next[0]);
    if (token.kind() != kind) {
      throw unsupported(
          expression,
          "expected " + what + " at character " + token.position() + ", found " + token.shown());
    }
    next[0]++;
    return token;
  }

  private static List<Token> tokenize(String expression) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      int position = i + 1;
      if (c == ' ' || c == '\t') {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n
            && (isAsciiLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
          i++;
        }
        if (i == start) {
          throw unexpected(expression, c, position);
        }
        tokens.add(new Token(Kind.IDENTIFIER, expression.substring(start, i), position));
      } else if (c >= '0' && c <= '9') {
        int start = i;
        while (i < n && (Character.isDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, expression.substring(start, i), position));
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && expression.charAt(end) != c) {
          char inside = expression.charAt(end);
          if (inside == '\\') {
            throw unsupported(
                expression,
                "backslash at character "
                    + (end + 1)
                    + " is not supported; strings have no escapes");
          }
          if (inside == '\n' || inside == '\r') {
            break;
          }
          end++;
        }
        if (end >= n || expression.charAt(end) != c) {
          throw unsupported(
              expression, "the string starting at character " + position + " is not closed");
        }
        tokens.add(new Token(Kind.STRING, expression.substring(i + 1, end), position));
        i = end + 1;
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "(", position));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")", position));
        i++;
      } else if (c == '=' || c == '!' || c == '<' || c == '>') {
        boolean twoChars = i + 1 < n && expression.charAt(i + 1) == '=';
        if (!twoChars && (c == '=' || c == '!')) {
          throw unexpected(expression, c, position);
        }
        String operator = twoChars ? expression.substring(i, i + 2) : String.valueOf(c);
        tokens.add(new Token(Kind.OPERATOR, operator, position));
        i += operator.length();
      } else {
        throw unexpected(expression, c, position);
      }
    }
    tokens.add(new Token(Kind.END, "", n + 1));
    return tokens;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static MlopsException unexpected(String expression, char c, int position) {
    return unsupported(
        expression,
        "unexpected character "
            + MlopsException.quote(String.valueOf(c))
            + " at character "
            + position);
  }

  private static MlopsException unsupported(String expression, String detail) {
    return new MlopsException(DataErrors.unsupportedFilter(expression, detail));
  }
}
