package org.baton.directory;

/**
 * One thing wrong with an import file.
 *
 * @param line the line of the file (1 is the header), or 0 for the file as a whole
 * @param column the column's name in the header, or empty when the whole line is wrong
 */
public record ImportProblem(int line, String column, String message) {}
