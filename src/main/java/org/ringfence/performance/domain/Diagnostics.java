package org.ringfence.performance.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Diagnostic indicators per ward and the ranking of wards needing attention. For each ward of the
 * scope:
 * <ul>
 * <li>demand trend T = (D_recent − D_prior) / max(D_prior, 1), D = TNO + ASB over the three months
 * ending with the report month (recent) and the three before (prior); unknown when both are 0;</li>
 * <li>activity per demand A = EPIC activities in the month (people counted at meetings left out)
 * / max(D_recent / 3, 1);</li>
 * <li>visibility V = share of the team's duty minutes on its own ward in the month; unknown with no
 * duty.</li>
 * </ul>
 * Attention score S = z(T) − z(A) − z(V), where z(x) = (x − mean) / standard deviation over the
 * wards of the scope (population sd; z = 0 when the sd is 0 or the value is unknown). Wards are
 * ranked by S, highest first (ties by ward code): rising demand, little activity for the demand and
 * low visibility all raise a ward.
 */
public final class Diagnostics {

	public static final String FORMULA = "S = z(T) − z(A) − z(V); T = (D_recent − D_prior) / max(D_prior, 1), "
			+ "D = TNO + ASB over 3 months; A = EPIC activities in the month / max(D_recent / 3, 1); "
			+ "V = own-ward share of duty time; z over the wards of the scope";

	private Diagnostics() {
	}

	public record Input(String wardCode, String wardName, long demandRecent, long demandPrior, long activity,
			Double visibility) {
	}

	/**
	 * @param demandTrend T, null when unknown
	 * @param activityPerDemand A
	 * @param visibility V, null when unknown
	 * @param score S, rounded to 3 decimals
	 * @param rank 1 = needs attention most
	 */
	public record Indicator(int rank, String wardCode, String wardName, long demandRecent, long demandPrior,
			Double demandTrend, long activity, double activityPerDemand, Double visibility, double score) {
	}

	public static List<Indicator> rank(List<Input> inputs) {
		List<Double> trends = inputs.stream().map(Diagnostics::trend).toList();
		List<Double> activity = inputs.stream().map(i -> (Double) activityPerDemand(i)).toList();
		List<Double> visibility = inputs.stream().map(Input::visibility).toList();
		double[] zT = z(trends);
		double[] zA = z(activity);
		double[] zV = z(visibility);
		List<Indicator> out = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			Input in = inputs.get(i);
			double score = Math.round((zT[i] - zA[i] - zV[i]) * 1000) / 1000.0;
			out.add(new Indicator(0, in.wardCode(), in.wardName(), in.demandRecent(), in.demandPrior(), trends.get(i),
					in.activity(), round(activityPerDemand(in)), in.visibility(), score));
		}
		out.sort(Comparator.comparingDouble(Indicator::score).reversed().thenComparing(Indicator::wardCode));
		List<Indicator> ranked = new ArrayList<>();
		for (int i = 0; i < out.size(); i++) {
			Indicator x = out.get(i);
			ranked.add(new Indicator(i + 1, x.wardCode(), x.wardName(), x.demandRecent(), x.demandPrior(), x.demandTrend(),
					x.activity(), x.activityPerDemand(), x.visibility(), x.score()));
		}
		return ranked;
	}

	static Double trend(Input in) {
		if (in.demandRecent() == 0 && in.demandPrior() == 0) {
			return null;
		}
		return round((double) (in.demandRecent() - in.demandPrior()) / Math.max(in.demandPrior(), 1));
	}

	static double activityPerDemand(Input in) {
		return in.activity() / Math.max(in.demandRecent() / 3.0, 1);
	}

	static double[] z(List<Double> values) {
		double[] z = new double[values.size()];
		double sum = 0;
		int n = 0;
		for (Double v : values) {
			if (v != null && !v.isNaN()) {
				sum += v;
				n++;
			}
		}
		if (n == 0) {
			return z;
		}
		double mean = sum / n;
		double squares = 0;
		for (Double v : values) {
			if (v != null && !v.isNaN()) {
				squares += (v - mean) * (v - mean);
			}
		}
		double sd = Math.sqrt(squares / n);
		for (int i = 0; i < z.length; i++) {
			Double v = values.get(i);
			z[i] = v == null || v.isNaN() || sd == 0 ? 0 : (v - mean) / sd;
		}
		return z;
	}

	private static double round(double x) {
		return Math.round(x * 10_000) / 10_000.0;
	}


}
