package org.baton.platform;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (commas, double quotes, line breaks inside quotes) from strict UTF-8, and
 * remembers on which line of the file each record starts, so that errors can name it.
 */
public final class CsvReader {

  public record Record(int line, List<String> values) {}

  public static final class CsvException extends Exception {
    private final int line;

    CsvException(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The line of the file the problem is on. */
    public int line() {
      return line;
    }
  }

  private CsvReader() {}

  public static List<Record> read(byte[] bytes) throws CsvException {
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Record> records = new ArrayList<>();
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            value.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          value.append(c);
        }
      } else if (c == '"') {
        if (value.length() > 0 || afterQuote) {
          throw new CsvException(line, "A quote appears in the middle of an unquoted value.");
        }
        quoted = true;
      } else if (c == ',') {
        values.add(value.toString());
        value.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        values.add(value.toString());
        addUnlessBlank(records, recordLine, values);
        values = new ArrayList<>();
        value.setLength(0);
        afterQuote = false;
        line++;
        recordLine = line;
      } else {
        if (afterQuote) {
          throw new CsvException(
              line, "Text follows a closing quote; separate values with commas.");
        }
        value.append(c);
      }
    }
    if (quoted) {
      throw new CsvException(recordLine, "A quoted value is never closed.");
    }
    if (value.length() > 0 || !values.isEmpty() || afterQuote) {
      values.add(value.toString());
      addUnlessBlank(records, recordLine, values);
    }
    return records;
  }

  private static void addUnlessBlank(List<Record> records, int line, List<String> values) {
    boolean blank = values.size() == 1 && values.get(0).isBlank();
    if (!blank) {
      records.add(new Record(line, List.copyOf(values)));
    }
  }

  /** Strict UTF-8: a file saved in another encoding is refused, naming the first bad line. */
  private static String decode(byte[] bytes) throws CsvException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new CsvException(
          line, "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.");
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }
}
