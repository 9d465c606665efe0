/** Managers' dashboards, the safeguarding board's performance pack, Prometheus gauges and the synthetic history behind them. */
package uk.pathways.dashboard;
