package org.ringfence.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ringfence.identity.Role;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Scope;
import org.ringfence.identity.ScopeType;
import org.ringfence.identity.domain.LoginThrottlePolicy.Failures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the identity schema. */
@Repository
public class IdentityQueries {

	private final JdbcClient jdbc;

	public IdentityQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The user with their scopes, in one round trip. */
	public Optional<RingfenceUser> findUser(String username) {
		return this.jdbc.sql("""
				select u.username, u.display_name, u.role, coalesce(u.person_id, 0) as person_ref, u.password_hash,
				       u.enabled, coalesce(array_agg(s.scope_type || ':' || s.scope_code)
				                  filter (where s.scope_type is not null), '{}') as scopes
				from identity.app_user u left join identity.user_scope s on s.username = u.username
				where u.username = ?
				group by u.username""")
			.param(username)
			.query((rs, n) -> new RingfenceUser(rs.getString("username"), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), scopesOf((String[]) rs.getArray("scopes").getArray()),
					rs.getLong("person_ref"), rs.getString("password_hash"), rs.getBoolean("enabled")))
			.optional();
	}

	private static Set<Scope> scopesOf(String[] pairs) {
		Set<Scope> scopes = new HashSet<>();
		for (String pair : pairs) {
			int colon = pair.indexOf(':');
			scopes.add(new Scope(ScopeType.valueOf(pair.substring(0, colon)), pair.substring(colon + 1)));
		}
		return scopes;
	}

	public Set<Scope> scopes(String username) {
		return new HashSet<>(this.jdbc
			.sql("select scope_type, scope_code from identity.user_scope where username = ? order by 1, 2")
			.param(username)
			.query((rs, n) -> new Scope(ScopeType.valueOf(rs.getString(1)), rs.getString(2)))
			.list());
	}

	public List<RingfenceUser> allUsers() {
		return this.jdbc.sql("select username from identity.app_user order by username")
			.query(String.class)
			.list()
			.stream()
			.map(this::findUser)
			.flatMap(Optional::stream)
			.toList();
	}

	public boolean exists(String username) {
		return this.jdbc.sql("select count(*) from identity.app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	public void insertUser(RingfenceUser user) {
		this.jdbc
			.sql("insert into identity.app_user (username, password_hash, display_name, role, person_id, enabled) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(user.username(), user.passwordHash(), user.displayName(), user.role().name(),
					user.personId().orElse(null), user.enabled())
			.update();
		replaceScopes(user.username(), user.scopes());
	}

	public void updateAccess(String username, Role role, Set<Scope> scopes, boolean enabled) {
		this.jdbc.sql("update identity.app_user set role = ?, enabled = ? where username = ?")
			.params(role.name(), enabled, username)
			.update();
		replaceScopes(username, scopes);
	}

	private void replaceScopes(String username, Set<Scope> scopes) {
		this.jdbc.sql("delete from identity.user_scope where username = ?").param(username).update();
		for (Scope scope : scopes) {
			this.jdbc.sql("insert into identity.user_scope (username, scope_type, scope_code) values (?, ?, ?)")
				.params(username, scope.type().name(), scope.code())
				.update();
		}
	}

	/** Failures of an account (since its last success) and of an address in the window, in one round trip. */
	public Failures[] failures(String username, String address, Instant since) {
		return this.jdbc.sql("""
				with last_success as (
				  select coalesce(max(attempted_at), :since) as at from identity.login_attempt
				  where username = :user and succeeded)
				select count(*) filter (where username = :user and attempted_at > (select at from last_success)),
				       max(attempted_at) filter (where username = :user),
				       count(*) filter (where remote_address = :address),
				       max(attempted_at) filter (where remote_address = :address)
				from identity.login_attempt
				where not succeeded and attempted_at > :since and (username = :user or remote_address = :address)""")
			.param("user", username)
			.param("address", address)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Failures[] {
					new Failures(rs.getInt(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)),
					new Failures(rs.getInt(3), Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant)) })
			.single();
	}

	public Failures failuresForAccount(String username, Instant since) {
		return this.jdbc
			.sql("select count(*), max(attempted_at) from identity.login_attempt "
					+ "where username = ? and not succeeded and attempted_at > greatest(?, (select max(s.attempted_at) "
					+ "from identity.login_attempt s where s.username = ? and s.succeeded))")
			.params(username, Timestamp.from(since), username)
			.query((rs, n) -> new Failures(rs.getInt(1),
					Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
			.single();
	}

	public void recordFailure(String username, String address, Instant at) {
		this.jdbc
			.sql("insert into identity.login_attempt (username, remote_address, attempted_at, succeeded) values (?, ?, ?, false)")
			.params(username, address, Timestamp.from(at))
			.update();
	}

	/**
	 * A success after failures is recorded so that the account's count starts again (the address's
	 * failures still count, so guessing across accounts is still seen). Successes after none are not
	 * recorded: scripts using HTTP Basic would fill the table.
	 */
	public void recordSuccess(String username, String address, Instant at) {
		this.jdbc
			.sql("insert into identity.login_attempt (username, remote_address, attempted_at, succeeded) values (?, ?, ?, true)")
			.params(username, address, Timestamp.from(at))
			.update();
	}

}
