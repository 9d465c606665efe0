/** The completion gate: what a task completion, a claim, a message or a query may carry, checked inside the engine at every door. */
package uk.pathways.gate;
