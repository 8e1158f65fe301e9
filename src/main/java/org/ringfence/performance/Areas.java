package org.ringfence.performance;

import java.util.List;
import java.util.Optional;

import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;

import org.springframework.stereotype.Component;

/** Resolves a level and code to an {@link Area} and checks the reader's scope (by borough). */
@Component
public class Areas {

	private final GeographyService geography;

	private final PerformanceScope scope;

	Areas(GeographyService geography, PerformanceScope scope) {
		this.geography = geography;
		this.scope = scope;
	}

	/** The area, unchecked (the scope is the caller's business). */
	public Area resolve(Area.Level level, Optional<String> code) {
		List<BoroughSummary> boroughs = this.geography.boroughs();
		return switch (level) {
			case FORCE -> new Area(level, "MPS", "London (Metropolitan Police)",
					boroughs.stream().map(BoroughSummary::code).sorted().toList(), Optional.empty());
			case BCU -> {
				String bcu = code.orElseThrow(() -> missing("a BCU level needs code= the BCU's name"));
				List<String> codes = boroughs.stream().filter(b -> bcu.equalsIgnoreCase(b.bcu())).map(BoroughSummary::code).sorted().toList();
				if (codes.isEmpty()) {
					throw new NotFound("No BCU " + bcu + ".");
				}
				String name = boroughs.stream().filter(b -> bcu.equalsIgnoreCase(b.bcu())).findFirst().orElseThrow().bcu();
				yield new Area(level, name, name + " BCU", codes, Optional.empty());
			}
			case BOROUGH -> {
				BoroughSummary b = this.geography.borough(code.orElseThrow(() -> missing("a borough level needs code= a borough code")));
				yield new Area(level, b.code(), b.name(), List.of(b.code()), Optional.empty());
			}
			case WARD -> {
				String ward = code.orElseThrow(() -> missing("a ward level needs code= a ward code"));
				String name = this.geography.wardNames().get(ward);
				if (name == null) {
					throw new NotFound("No ward " + ward + ".");
				}
				String borough = this.geography.placeOfWard(ward).boroughCode();
				yield new Area(level, ward, name, List.of(borough), Optional.of(ward));
			}
		};
	}

	/** The area, once the reader's scope covers all its boroughs. */
	public Area readable(Area.Level level, Optional<String> code) {
		Area area = resolve(level, code);
		Optional<java.util.Set<String>> mine = this.scope.readableBoroughs();
		if (mine.isPresent() && (level == Area.Level.FORCE || !mine.get().containsAll(area.boroughCodes()))) {
			throw new ScopeDenied("It is outside your scope (" + area.name() + ").");
		}
		return area;
	}

	/** The default area of a reader: London for force-wide users, else their (first) borough. */
	public Area defaultFor() {
		Optional<java.util.Set<String>> mine = this.scope.readableBoroughs();
		if (mine.isEmpty()) {
			return resolve(Area.Level.FORCE, Optional.empty());
		}
		if (mine.get().isEmpty()) {
			throw new ScopeDenied("Your scope covers no borough.");
		}
		return resolve(Area.Level.BOROUGH, Optional.of(mine.get().iterator().next()));
	}

	public List<WardSummary> wards(Area area) {
		if (area.wardCode().isPresent()) {
			return this.geography.wards(Optional.of(area.boroughCodes().get(0)))
				.stream()
				.filter(w -> w.code().equals(area.wardCode().get()))
				.toList();
		}
		if (area.level() == Area.Level.FORCE) {
			return this.geography.wards(Optional.empty());
		}
		return area.boroughCodes().stream().flatMap(b -> this.geography.wards(Optional.of(b)).stream()).toList();
	}

	private static InvalidInput missing(String message) {
		return new InvalidInput(message + ".", List.of(new InvalidInput.FieldError("code", message)));
	}

}
