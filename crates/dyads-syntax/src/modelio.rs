//! The binary model format: little helpers to write and read varints,
//! strings and sections, and a deflate wrapper.

use std::io::{Read, Write};

use crate::error::{Error, Result};

/// A growing byte buffer for encoding.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    /// Appends an unsigned varint.
    pub(crate) fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    /// Appends a signed varint (zigzag).
    pub(crate) fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    /// Appends a length-prefixed string.
    pub(crate) fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Appends a list of strings.
    pub(crate) fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s.as_ref());
        }
    }

    /// Appends an `f32`.
    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// The bytes, deflated.
    pub(crate) fn deflate(&self) -> Result<Vec<u8>> {
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&self.buf)?;
        Ok(enc.finish()?)
    }
}

/// A cursor over bytes being decoded.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `data`.
    pub(crate) fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, pos: 0 }
    }

    /// Reads an unsigned varint.
    pub(crate) fn uint(&mut self) -> Result<u64> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let Some(&b) = self.data.get(self.pos) else {
                return Err(Error::model("truncated varint"));
            };
            self.pos += 1;
            if shift > 63 {
                return Err(Error::model("varint too long"));
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    /// Reads an unsigned varint that must fit `limit`.
    pub(crate) fn len(&mut self, limit: usize) -> Result<usize> {
        let v = self.uint()?;
        if v > limit as u64 {
            return Err(Error::model(format!("length {v} over limit {limit}")));
        }
        Ok(v as usize)
    }

    /// Reads a signed varint.
    pub(crate) fn int(&mut self) -> Result<i64> {
        let v = self.uint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    /// Reads a length-prefixed string.
    pub(crate) fn str(&mut self) -> Result<String> {
        let n = self.len(self.data.len())?;
        let end = self.pos + n;
        let Some(bytes) = self.data.get(self.pos..end) else {
            return Err(Error::model("truncated string"));
        };
        self.pos = end;
        String::from_utf8(bytes.to_vec()).map_err(|_| Error::model("string is not UTF-8"))
    }

    /// Reads a list of strings.
    pub(crate) fn strs(&mut self) -> Result<Vec<String>> {
        let n = self.len(self.data.len())?;
        (0..n).map(|_| self.str()).collect()
    }

    /// Reads an `f32`.
    pub(crate) fn f32(&mut self) -> Result<f32> {
        let Some(b) = self.data.get(self.pos..self.pos + 4) else {
            return Err(Error::model("truncated float"));
        };
        self.pos += 4;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Bytes not yet read.
    pub(crate) fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }
}

const MAGIC: &[u8; 8] = b"DYADSYN1";

/// Packs a model component: magic, kind, deflated payload.
pub(crate) fn pack(kind: &str, w: &Writer) -> Result<Vec<u8>> {
    let mut out = MAGIC.to_vec();
    out.push(kind.len() as u8);
    out.extend_from_slice(kind.as_bytes());
    out.extend_from_slice(&w.deflate()?);
    Ok(out)
}

/// Unpacks a model component written by [`pack`], checking its kind.
pub(crate) fn unpack(kind: &str, data: &[u8]) -> Result<Vec<u8>> {
    let bad = || Error::model(format!("not a dyads-syntax {kind} model")).in_file(kind);
    if data.len() < 9 || &data[..8] != MAGIC {
        return Err(bad());
    }
    let k = data[8] as usize;
    if data.get(9..9 + k) != Some(kind.as_bytes()) {
        return Err(bad());
    }
    inflate(data.get(9 + k..).unwrap_or(&[])).map_err(|e| e.in_file(kind))
}

/// Inflates deflated bytes.
pub(crate) fn inflate(data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() * 3);
    flate2::read::DeflateDecoder::new(data)
        .read_to_end(&mut out)
        .map_err(|e| Error::model(format!("cannot inflate: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut w = Writer::default();
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            w.uint(v);
        }
        for v in [0i64, -1, 1, -300, i64::MIN, i64::MAX] {
            w.int(v);
        }
        w.str("héllo");
        w.f32(1.5);
        let bytes = w.deflate().unwrap_or_default();
        let data = inflate(&bytes).unwrap_or_default();
        let mut r = Reader::new(&data);
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(r.uint().ok(), Some(v));
        }
        for v in [0i64, -1, 1, -300, i64::MIN, i64::MAX] {
            assert_eq!(r.int().ok(), Some(v));
        }
        assert_eq!(r.str().ok().as_deref(), Some("héllo"));
        assert_eq!(r.f32().ok(), Some(1.5));
        assert_eq!(r.remaining(), 0);
        assert!(r.uint().is_err());
        assert!(Reader::new(&[0xff]).uint().is_err());
    }
}
