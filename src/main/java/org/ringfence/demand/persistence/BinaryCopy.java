package org.ringfence.demand.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to PostgreSQL with COPY in its binary format (no text to parse on the server: the
 * cheapest way in), on a connection the caller holds, typically the one of its transaction.
 * Values are written field by field after {@link #row(int)}; {@link #finish()} ends the COPY and
 * returns the rows the server stored. Not thread-safe.
 */
public final class BinaryCopy {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	private static final int BUFFER = 1 << 20;

	private final CopyIn copy;

	private final byte[] buffer = new byte[BUFFER];

	private int position;

	private BinaryCopy(CopyIn copy) {
		this.copy = copy;
	}

	/** Starts {@code sql} ("copy t (a, b) from stdin (format binary)") on the connection. */
	public static BinaryCopy start(Connection connection, String sql) throws SQLException {
		BinaryCopy copy = new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
		copy.bytes(SIGNATURE, 0, SIGNATURE.length);
		copy.int32(0);
		copy.int32(0);
		return copy;
	}

	public BinaryCopy row(int fields) throws SQLException {
		room(2);
		int16(fields);
		return this;
	}

	public BinaryCopy nullValue() throws SQLException {
		room(4);
		int32(-1);
		return this;
	}

	/** UTF-8 text, or null. */
	public BinaryCopy text(String value) throws SQLException {
		if (value == null) {
			return nullValue();
		}
		int length = utf8Length(value);
		room(4 + length);
		int32(length);
		int n = value.length();
		for (int i = 0; i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				this.buffer[this.position++] = (byte) c;
			}
			else if (c < 0x800) {
				this.buffer[this.position++] = (byte) (0xc0 | (c >> 6));
				this.buffer[this.position++] = (byte) (0x80 | (c & 0x3f));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, value.charAt(++i));
				this.buffer[this.position++] = (byte) (0xf0 | (cp >> 18));
				this.buffer[this.position++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
				this.buffer[this.position++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
				this.buffer[this.position++] = (byte) (0x80 | (cp & 0x3f));
			}
			else {
				char e = Character.isSurrogate(c) ? '\ufffd' : c;
				this.buffer[this.position++] = (byte) (0xe0 | (e >> 12));
				this.buffer[this.position++] = (byte) (0x80 | ((e >> 6) & 0x3f));
				this.buffer[this.position++] = (byte) (0x80 | (e & 0x3f));
			}
		}
		return this;
	}

	public BinaryCopy int2(int value) throws SQLException {
		room(6);
		int32(2);
		int16(value);
		return this;
	}

	public BinaryCopy int4(int value) throws SQLException {
		room(8);
		int32(4);
		int32(value);
		return this;
	}

	public BinaryCopy int8(long value) throws SQLException {
		room(12);
		int32(8);
		int64(value);
		return this;
	}

	/** A double precision value; NaN is written as null. */
	public BinaryCopy float8OrNull(double value) throws SQLException {
		if (Double.isNaN(value)) {
			return nullValue();
		}
		room(12);
		int32(8);
		int64(Double.doubleToLongBits(value));
		return this;
	}

	public BinaryCopy bool(boolean value) throws SQLException {
		room(5);
		int32(1);
		this.buffer[this.position++] = (byte) (value ? 1 : 0);
		return this;
	}

	/** A date as days since 2000-01-01. */
	public BinaryCopy date(int postgresDays) throws SQLException {
		return int4(postgresDays);
	}

	/** A timestamptz as microseconds since 2000-01-01T00:00Z. */
	public BinaryCopy timestamptz(long postgresMicros) throws SQLException {
		return int8(postgresMicros);
	}

	public BinaryCopy uuid(UUID value) throws SQLException {
		room(20);
		int32(16);
		int64(value.getMostSignificantBits());
		int64(value.getLeastSignificantBits());
		return this;
	}

	/** Ends the COPY; returns the number of rows stored. */
	public long finish() throws SQLException {
		room(2);
		int16(-1);
		flush();
		return this.copy.endCopy();
	}

	/** Abandons the COPY (the caller's transaction fails anyway). */
	public void cancel() {
		if (this.copy.isActive()) {
			try {
				this.copy.cancelCopy();
			}
			catch (SQLException ex) {
				// the original failure is what matters
			}
		}
	}

	private void room(int bytes) throws SQLException {
		if (this.position + bytes > this.buffer.length) {
			flush();
			if (bytes > this.buffer.length) {
				throw new SQLException("A value of " + bytes + " bytes is larger than the copy buffer");
			}
		}
	}

	private void flush() throws SQLException {
		if (this.position > 0) {
			this.copy.writeToCopy(this.buffer, 0, this.position);
			this.position = 0;
		}
	}

	private void bytes(byte[] bytes, int from, int length) throws SQLException {
		room(length);
		System.arraycopy(bytes, from, this.buffer, this.position, length);
		this.position += length;
	}

	private void int16(int value) {
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	private void int32(int value) {
		this.buffer[this.position++] = (byte) (value >>> 24);
		this.buffer[this.position++] = (byte) (value >>> 16);
		this.buffer[this.position++] = (byte) (value >>> 8);
		this.buffer[this.position++] = (byte) value;
	}

	private void int64(long value) {
		int32((int) (value >>> 32));
		int32((int) value);
	}

	private static int utf8Length(String value) {
		int n = value.length();
		int length = n;
		for (int i = 0; i < n; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				if (c < 0x800) {
					length += 1;
				}
				else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
					length += 2;
					i++;
				}
				else {
					length += 2;
				}
			}
		}
		return length;
	}

	/** For callers that hold the connection: whether the server still expects data. */
	boolean active() {
		return this.copy.isActive();
	}

}
