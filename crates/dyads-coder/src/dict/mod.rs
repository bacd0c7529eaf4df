//! PETRARCH/TABARI verb dictionaries and the validation suites.
