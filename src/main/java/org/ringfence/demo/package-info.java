/**
 * Demo data: on first start, a believable synthetic workforce for every Metropolitan Police ward
 * and the demo accounts of the README. Everything here is invented (names, numbers) and marked
 * synthetic; it goes through the other modules' public APIs only. Loaded once: later starts find
 * it there.
 */
package org.ringfence.demo;
