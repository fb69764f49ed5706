//! HTTP for dart:io.

use super::{IoArg, IoResult, PortSender};
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::natives::NativeError;

pub fn run_sync(
    _p: IsolatePtr,
    _op: &str,
    _args: &[IoArg],
) -> Option<Result<IoResult, NativeError>> {
    None
}

pub fn start_async(
    _op: &str,
    _args: &[IoArg],
    _sender: &PortSender,
) -> Option<Result<(), NativeError>> {
    None
}
