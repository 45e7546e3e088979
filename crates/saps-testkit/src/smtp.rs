//! A small SMTP server on loopback TCP for tests: it speaks enough of SMTP
//! (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for saps's mailer, keeps
//! every message it accepted, and can be told to misbehave: be down (drop
//! every connection at once), refuse recipients with 550 or 450, or cut the
//! connection in the middle of DATA.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// How the server behaves towards the next connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Accepts every message.
    Up,
    /// Closes every connection before greeting (a server that is down).
    Down,
    /// Answers every RCPT with `550 5.1.1 no such user` (a permanent refusal).
    RefuseRecipient,
    /// Answers every RCPT with `450 4.2.1 mailbox busy` (a transient refusal).
    DeferRecipient,
    /// Takes the message's lines, then closes the connection before the
    /// final dot is acknowledged.
    CutMidData,
}

/// A message the server accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and body, dot-unstuffed).
    pub data: String,
}

impl Received {
    /// The `Message-ID` header's value.
    pub fn message_id(&self) -> Option<&str> {
        self.data.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("message-id").then(|| v.trim())
        })
    }

    /// The `Subject` header's value as sent (possibly RFC 2047 encoded).
    pub fn subject(&self) -> Option<&str> {
        self.data.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("subject").then(|| v.trim())
        })
    }
}

struct State {
    mode: Mode,
    received: Vec<Received>,
    connections: usize,
}

/// A running test SMTP server; stops when dropped.
pub struct SmtpServer {
    pub port: u16,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpServer {
    /// Starts a server on a free loopback port.
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let port = listener.local_addr().expect("an address").port();
        let state = Arc::new(Mutex::new(State {
            mode: Mode::Up,
            received: Vec::new(),
            connections: 0,
        }));
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = shared.clone();
                tokio::spawn(async move {
                    let _ = session(stream, state).await;
                });
            }
        });
        SmtpServer { port, state, task }
    }

    /// The URL saps sends through.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn set_mode(&self, mode: Mode) {
        self.lock().mode = mode;
    }

    /// Every message accepted so far, in order.
    pub fn received(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    /// How many connections were opened so far.
    pub fn connections(&self) -> usize {
        self.lock().connections
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

async fn session(stream: TcpStream, state: Arc<Mutex<State>>) -> std::io::Result<()> {
    let mode = {
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        s.connections += 1;
        s.mode
    };
    if mode == Mode::Down {
        return Ok(());
    }
    // As mail servers do: no waiting on small answers (Nagle's algorithm).
    stream.set_nodelay(true)?;
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 saps-test ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => {
                write
                    .write_all(b"250-saps-test greets you\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                    .await?
            }
            "HELO" => write.write_all(b"250 saps-test\r\n").await?,
            "MAIL" => {
                from = address(&command);
                to.clear();
                write.write_all(b"250 2.1.0 OK\r\n").await?;
            }
            "RCPT" => match mode {
                Mode::RefuseRecipient => write.write_all(b"550 5.1.1 no such user\r\n").await?,
                Mode::DeferRecipient => write.write_all(b"450 4.2.1 mailbox busy\r\n").await?,
                _ => {
                    to.push(address(&command));
                    write.write_all(b"250 2.1.5 OK\r\n").await?;
                }
            },
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    let l = line.strip_prefix('.').unwrap_or(&line);
                    data.push_str(l);
                }
                if mode == Mode::CutMidData {
                    // The message arrived but is never acknowledged.
                    return Ok(());
                }
                state
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .received
                    .push(Received {
                        from: from.clone(),
                        to: std::mem::take(&mut to),
                        data,
                    });
                write.write_all(b"250 2.0.0 queued\r\n").await?;
            }
            "RSET" => {
                to.clear();
                write.write_all(b"250 OK\r\n").await?;
            }
            "NOOP" => write.write_all(b"250 OK\r\n").await?,
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => write.write_all(b"502 5.5.2 not implemented\r\n").await?,
        }
    }
}

/// The address in `MAIL FROM:<a>` or `RCPT TO:<a>`.
fn address(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command[start..]
        .find('>')
        .map_or(command.len(), |i| start + i);
    command[start..end].to_owned()
}
