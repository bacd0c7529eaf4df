//! CAMEO and PLOVER event coding (see the crate documentation).
