package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.MlopsException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterExpressionTest {
  private static final String FORM =
      "; expected col(\"sensor_id\") == \"<sensor id>\" and col(\"date\") <= \"<yyyy-mm-dd>\""
          + " (clauses in either order)";

  @Test
  void writesTheTrainingFilter() {
    assertThat(FilterExpression.training("SENSOR_P001_C001", LocalDate.of(2025, 12, 9)))
        .isEqualTo(
            "col(\"sensor_id\") == \"SENSOR_P001_C001\" and col(\"date\") <= \"2025-12-09\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "col(\"sensor_id\") == \"SENSOR_P001_C001\" and col(\"date\") <= \"2025-12-09\"",
        "col(\"date\") <= \"2025-12-09\" and col(\"sensor_id\") == \"SENSOR_P001_C001\"",
        "col('sensor_id') == 'SENSOR_P001_C001' and col('date') <= '2025-12-09'",
        "  col ( \"date\" )<=\"2025-12-09\"\tand col(\"sensor_id\")==\"SENSOR_P001_C001\"  "
      })
  void acceptsBothClauseOrdersQuoteStylesAndSpacing(String expression) {
    FilterExpression.TrainingFilter filter = FilterExpression.parseTraining(expression);

    assertThat(filter.sensorId()).isEqualTo("SENSOR_P001_C001");
    assertThat(filter.lastDate()).isEqualTo(LocalDate.of(2025, 12, 9));
  }

  @Test
  void readsBackWhatItWrites() {
    String written = FilterExpression.training("plant-1.sensor:7", LocalDate.of(2024, 2, 29));

    assertThat(FilterExpression.parseTraining(written))
        .isEqualTo(
            new FilterExpression.TrainingFilter("plant-1.sensor:7", LocalDate.of(2024, 2, 29)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          col("sensor_id") == "S1" or col("date") <= "2025-12-09"      | 'or' at character 26 is not supported; clauses may only be joined by 'and'
          col("sensor_id") != "S1" and col("date") <= "2025-12-09"     | sensor_id is compared with !=; only == is supported
          col("sensor_id") == "S1" and col("date") < "2025-12-09"      | date is compared with <; only <= is supported
          col("sensor_id") == "S1" and col("date") <= "2025-12-09" and col("x") == "1" | unexpected 'and' at character 58 after the second clause; only two clauses are supported
          col("sensor_id") == "S1 and col("date") <= "2025-12-09"      | unexpected character '-' at character 49
          col("sensor_id") == "S1" and col("date") <= "2025-12-09      | the string starting at character 45 is not closed
          col("sensor_id") == "S\\1" and col("date") <= "2025-12-09"   | backslash at character 23 is not supported; strings have no escapes
          sensor_id == "S1" and col("date") <= "2025-12-09"            | expected col("<column>") at character 1, found 'sensor_id'; bare column names, 'not' and functions are not supported
          (col("sensor_id") == "S1") and col("date") <= "2025-12-09"   | expected col("<column>") at character 1, found '('
          col("sensor_id") == "S1"                                     | it has one clause; expected two clauses joined by 'and'
          col("sensor_id") == "S1" and col("sensor_id") == "S2"        | it filters sensor_id twice; expected sensor_id and date
          col("sensor_id") == "S1" and col("plant") == "P1"            | column 'plant' is not supported; expected sensor_id and date
          col("sensor_id") == "S1" and col("date") <= 20251209         | expected a quoted value at character 45, found '20251209'
          col("sensor_id") == "S 1" and col("date") <= "2025-12-09"    | sensor id 'S 1' is not valid
          col("sensor_id") == "S1" and col("date") <= "2025-13-01"     | date '2025-13-01' is not a date of the form yyyy-mm-dd
          col("sensor_id") == "S1" and col("date") = "2025-12-09"      | unexpected character '=' at character 42
          col("sensor_id") == "S1" and not col("date") <= "2025-12-09" | expected col("<column>") at character 30, found 'not'
          """)
  void rejectsEverythingButTheTrainingForm(String expression, String detail) {
    assertThatThrownBy(() -> FilterExpression.parseTraining(expression.strip()))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("filter ")
        .hasMessageContaining(" cannot be evaluated locally: " + detail)
        .hasMessageEndingWith(FORM);
  }

  @Test
  void rejectsAnEmptyExpression() {
    assertThatThrownBy(() -> FilterExpression.parseTraining(""))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "filter '' cannot be evaluated locally: expected col(\"<column>\") at character 1,"
                + " found the end of the expression"
                + FORM);
  }
}
