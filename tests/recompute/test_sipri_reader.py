"""Tests of the suite's own register reader on tiny inline registers."""

import unittest

from sipri_reader import parse_register

PREAMBLE = "line\n" * 10 + "Data generated: 13 Mar 2025 10:02:49 AM\n"
OLD_HEADER = ("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,"
              "Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,"
              "SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n")
NEW_HEADER = ("SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,"
              "Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,"
              "Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,"
              "TIV delivery values,Local production")


class OldRegister(unittest.TestCase):
    def test_spreads_delivered_tiv_evenly_over_listed_years(self):
        text = PREAMBLE + OLD_HEADER + \
            "Thailand,Ukraine,2008,,14,,BTR-3,APC,13,,2010; 2012,New,x,0.25,3.5,3\n"
        deal = parse_register(text).deals[0]
        self.assertEqual([(d.year, d.tiv, d.approximate) for d in deal.deliveries],
                         [(2010, 1.5, True), (2012, 1.5, True)])

    def test_single_delivery_year_is_exact(self):
        text = PREAMBLE + OLD_HEADER + "Chad,France,2001,,2,,X,Y,2,,2002,New,,1,2,2\n"
        delivery = parse_register(text).deals[0].deliveries[0]
        self.assertEqual((delivery.year, delivery.tiv, delivery.approximate), (2002, 2.0, False))

    def test_joins_record_split_by_newline_in_comments(self):
        text = PREAMBLE + OLD_HEADER + \
            "United Nations**,Israel,2015,,3,,Hermes-900,UAV,3,,2016,New,3-year lease\r\n" + \
            ",3,9,9\nChad,France,2001,,2,,X,Y,2,,2002,New,,1,2,2\n"
        register = parse_register(text)
        self.assertEqual([(d.recipient, d.delivered_tiv()) for d in register.deals],
                         [("United Nations**", 9.0), ("Chad", 2.0)])

    def test_order_without_deliveries_has_none(self):
        text = PREAMBLE + OLD_HEADER + "Chad,France,2024,,2,,X,Y,,,,New,,1,2,\n"
        self.assertEqual(parse_register(text).deals[0].deliveries, [])


class NewRegister(unittest.TestCase):
    def test_groups_delivery_lines_by_deal_id(self):
        text = PREAMBLE + NEW_HEADER + "\n" + \
            "7,Turkiye,Azerbaijan,TB2,UAV,Aircraft,2020,No,6,No,2020,No,New,5,5,30,No\n" + \
            "7,Turkiye,Azerbaijan,TB2,UAV,Aircraft,2020,No,2,No,2021,No,New,5,5,10,No\n"
        deal = parse_register(text).deals[0]
        self.assertEqual([(d.year, d.tiv, d.approximate) for d in deal.deliveries],
                         [(2020, 30.0, False), (2021, 10.0, False)])

    def test_reads_resaved_copy_with_trailing_semicolons(self):
        text = PREAMBLE.replace("\n", ";\r\n") + NEW_HEADER + ";\r\n" + \
            "7,Turkiye,Azerbaijan,TB2,UAV,Aircraft,2020,No,6,No,2020,No,New,5,5,30,No;\r\n"
        register = parse_register(text)
        self.assertEqual((register.generated, register.deals[0].delivered_tiv()),
                         ("13 Mar 2025 10:02:49 AM", 30.0))


if __name__ == "__main__":
    unittest.main()
