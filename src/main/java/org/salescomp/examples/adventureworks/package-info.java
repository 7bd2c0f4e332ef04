/**
 * Example: Microsoft's AdventureWorks reseller sales as the pipeline's input.
 *
 * <p>The data ({@code examples/adventureworks-dw2020}, gzip-compressed; its README.md gives the
 * provenance and licence) is the Power BI
 * "Sales Analysis" lab's: 17 salespeople with sales (14 Sales Representatives, three regional managers
 * who also sell) and a Director of Sales, monthly targets, and three fiscal years of reseller orders
 * (July 2017 to June 2020, June 2020 from the official lab file). It is read where it lies, never
 * copied or edited; {@code bin/salescomp adventureworks} maps it to the twelve input tables of the data
 * contract, writes them as Parquet with a {@code sources.conf} overlay, and runs the data-quality gate
 * over them. {@code conf/examples/adventureworks.conf} holds the plans and settings of the example.
 *
 * <h2>The mapping</h2>
 * <table>
 *   <caption>contract table, from what, and what is derived or invented</caption>
 *   <tr><th>table</th><th>from</th><th>how</th></tr>
 *   <tr><td>deals</td><td>Sales.csv (+ June 2020), Product.csv, Reseller.csv</td>
 *       <td>one deal per SalesOrderNumber and salesperson (every order has one: deal_id = SalesOrderNumber);
 *       amount = the sum of the order's Sales in USD; close_date = OrderDate; status won; customer = the
 *       reseller; channel = the reseller's Business Type; product_category = the order's main
 *       Product.Category by sales ({@link SalesOrders})</td></tr>
 *   <tr><td>customers</td><td>Reseller.csv, Sales.csv</td>
 *       <td>resellers that ordered; customer_id = ResellerKey; segment = Business Type; region = the
 *       group of its territory; owner = the salesperson with the most sales to it; created_date = its
 *       first order ({@link Resellers})</td></tr>
 *   <tr><td>customer_retention</td><td>Sales.csv</td>
 *       <td>monthly from the first order to June 2020: active when the reseller ordered in the month or
 *       the 3 before (resellers order about quarterly; {@code --active-months})</td></tr>
 *   <tr><td>reps</td><td>Salesperson.csv, SalespersonRegion.csv, Sales.csv, Targets.csv</td>
 *       <td>one roster row per salesperson, rep_id = EmployeeKey; team = the territory with most of their
 *       sales (no sales: the first assigned territory); role manager for titles with Manager or
 *       Director; invented: hire date (first month with a sale or a target), base salary (flat by
 *       title), plan ({@link SalesForce})</td></tr>
 *   <tr><td>teams</td><td>Region.csv, SalespersonRegion.csv</td>
 *       <td>one team per sales territory, region = its group, manager = the regional manager assigned to it</td></tr>
 *   <tr><td>targets</td><td>Targets.csv, Salesperson.csv</td>
 *       <td>each TargetMonth's amount as the rep's monthly revenue quota, as in the file; EmployeeID
 *       joined to EmployeeKey through Salesperson.csv ({@link SalesTargets})</td></tr>
 *   <tr><td>deal_credits, csat_surveys, complaints, training_results, fx_rates, adjustments</td><td>-</td>
 *       <td>empty, with the contract's schema: no split credits, no customer voice, no training, all
 *       amounts in USD, no manual lines</td></tr>
 * </table>
 *
 * <h2>The data's quirks, handled in code</h2>
 * {@link AdventureWorksFiles}: {@code |} separators, {@code yyyy/MM/dd} dates, UTF-8 names, CRLF lines
 * (LF in Product.csv), files without a final newline, each file read against the header it must have.
 * Targets keyed by EmployeeID while sales use EmployeeKey: joined through Salesperson.csv. Managers who
 * also sell: roster role manager, paid on their own deals by the management plan. A team is where a rep
 * sold most, so a deal counts for its rep's team, not necessarily for the territory it was sold in
 * (three representatives and two managers sell in more than one territory).
 */
package org.salescomp.examples.adventureworks;
