// The fiscal year of a date: April to March (the seed's period 2020-04-01 to 2021-03-31 is 2020年度).
import { fiscalYearOfDate } from "../../src/numbers";

describe("fiscalYearOfDate", () => {
  it.each([
    [2020, 4, 2020],
    [2021, 3, 2020],
    [2021, 4, 2021],
    [2020, 1, 2019],
    [2020, 12, 2020],
  ])("%i-%i is in fiscal %i", (year, month, fiscal) => {
    expect(fiscalYearOfDate(year, month)).toBe(fiscal);
  });
});
