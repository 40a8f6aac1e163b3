package io.plateau.data;

import io.plateau.util.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * A T × N matrix of per-period returns (or P&amp;L) of N trials, read from a file a user brings: one column per trial,
 * one row per period, in a CSV file with a header or a Parquet file. A leading column named {@code date},
 * {@code period}, {@code time} or {@code timestamp} labels the rows and is skipped. Every other value must be a
 * finite number; the first that is not is reported with its file, line (or row) and column.
 *
 * @param trials the trials' names, from the header or the Parquet columns
 * @param byTrial the values, {@code byTrial[trial][period]}
 */
public record ReturnsMatrix(List<String> trials, double[][] byTrial) {

  private static final Set<String> ROW_LABELS = Set.of("date", "period", "time", "timestamp");

  public ReturnsMatrix {
    trials = List.copyOf(trials);
    if (trials.size() != byTrial.length) {
      throw new IllegalArgumentException(trials.size() + " names for " + byTrial.length + " trials");
    }
  }

  public int periods() {
    return byTrial.length == 0 ? 0 : byTrial[0].length;
  }

  /** Reads {@code file}: {@code .parquet} as Parquet, anything else as CSV. */
  public static ReturnsMatrix read(java.nio.file.Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet") ? readParquet(file)
        : readCsv(file);
  }

  private static ReturnsMatrix readCsv(java.nio.file.Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new InputException(file + ": empty; expected a header of trial names and one row per period");
      }
      String[] names = header.split(",", -1);
      int first = ROW_LABELS.contains(names[0].trim().toLowerCase(Locale.ROOT)) ? 1 : 0;
      List<String> trials = new ArrayList<>();
      for (int c = first; c < names.length; c++) {
        trials.add(names[c].trim());
      }
      List<double[]> rows = new ArrayList<>();
      int line = 1;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        String[] cells = text.split(",", -1);
        if (cells.length != names.length) {
          throw new InputException(file + ":" + line + ": " + cells.length + " values; the header has "
              + names.length);
        }
        double[] row = new double[trials.size()];
        for (int c = first; c < cells.length; c++) {
          row[c - first] = number(cells[c].trim(), file + ":" + line + ": column '" + names[c].trim() + "'");
        }
        rows.add(row);
      }
      return transpose(trials, rows, file.toString());
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static ReturnsMatrix readParquet(java.nio.file.Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(file.toUri()))
        .withConf(new Configuration()).build()) {
      List<String> trials = new ArrayList<>();
      List<Integer> columns = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      long row = 0;
      for (Group group = reader.read(); group != null; group = reader.read()) {
        if (row == 0) {
          MessageType schema = (MessageType) group.getType();
          for (int c = 0; c < schema.getFieldCount(); c++) {
            Type field = schema.getType(c);
            if (c == 0 && ROW_LABELS.contains(field.getName().toLowerCase(Locale.ROOT))) {
              continue;
            }
            if (!field.isPrimitive() || !numeric(field.asPrimitiveType().getPrimitiveTypeName())) {
              throw new InputException(file + ": column '" + field.getName() + "' is " + field
                  + "; every column but a leading date must be a number");
            }
            trials.add(field.getName());
            columns.add(c);
          }
        }
        double[] values = new double[columns.size()];
        for (int t = 0; t < values.length; t++) {
          String where = file + ": row " + (row + 1) + ": column '" + trials.get(t) + "'";
          if (group.getFieldRepetitionCount(columns.get(t)) == 0) {
            throw new InputException(where + ": missing value");
          }
          values[t] = number(group.getValueToString(columns.get(t), 0), where);
        }
        rows.add(values);
        row++;
      }
      return transpose(trials, rows, file.toString());
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException input) {
        throw input;
      }
      throw new InputException(file + ": not a readable Parquet file: " + e.getMessage(), e);
    }
  }

  private static boolean numeric(PrimitiveTypeName type) {
    return type == PrimitiveTypeName.DOUBLE || type == PrimitiveTypeName.FLOAT || type == PrimitiveTypeName.INT32
        || type == PrimitiveTypeName.INT64;
  }

  private static double number(String text, String where) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the place
    }
    throw new InputException(where + ": '" + text + "' is not a finite number");
  }

  private static ReturnsMatrix transpose(List<String> trials, List<double[]> rows, String file) {
    if (trials.size() < 2 || rows.size() < 2) {
      throw new InputException(file + ": " + trials.size() + " trials × " + rows.size()
          + " periods; the overfitting statistics need at least 2 of each");
    }
    double[][] byTrial = new double[trials.size()][rows.size()];
    for (int p = 0; p < rows.size(); p++) {
      for (int t = 0; t < trials.size(); t++) {
        byTrial[t][p] = rows.get(p)[t];
      }
    }
    return new ReturnsMatrix(trials, byTrial);
  }
}
