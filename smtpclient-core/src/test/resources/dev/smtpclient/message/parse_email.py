"""Parses one message (bytes on stdin) with Python's email package, strict default policy, and prints JSON.

Raw UTF-8 headers (RFC 6532) are parsed from text, because the bytes parser of the standard library turns
non-ASCII header octets into undecodable surrogates; every body this project writes is 7-bit.
"""
import base64
import email
import email.policy
import json
import sys

POLICY = email.policy.default.clone(raise_on_defect=True)


def addresses(msg, name):
    header = msg[name]
    if header is None:
        return None
    return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]


def header_defects(msg):
    found = []
    for name, value in msg.items():
        for defect in getattr(value, "defects", ()):
            found.append("%s: %s" % (name, defect.__class__.__name__ + " " + str(defect)))
    return found


def main():
    data = sys.stdin.buffer.read()
    header_end = data.find(b"\r\n\r\n")
    if any(b > 127 for b in data[:header_end]):
        msg = email.message_from_string(data.decode("utf-8"), policy=POLICY)
    else:
        msg = email.message_from_bytes(data, policy=POLICY)
    defects = [d.__class__.__name__ for d in msg.defects] + header_defects(msg)
    parts = []
    for part in msg.walk():
        defects += [d.__class__.__name__ for d in part.defects]
        if part is not msg:
            defects += header_defects(part)
        if part.is_multipart():
            continue
        disposition = part["content-disposition"]
        filename = disposition.params.get("filename") if disposition is not None else None
        content_id = part["content-id"]
        entry = {
            "type": part.get_content_type(),
            "disposition": part.get_content_disposition(),
            "filename": filename,
            "contentId": str(content_id) if content_id is not None else None,
            "encoding": part.get("content-transfer-encoding"),
            "data": base64.b64encode(part.get_payload(decode=True)).decode("ascii"),
        }
        if part.get_content_maintype() == "text":
            entry["text"] = part.get_content()
        parts.append(entry)
    headers = [[name, str(value)] for name, value in msg.items()]
    out = {
        "defects": defects,
        "from": addresses(msg, "from"),
        "to": addresses(msg, "to"),
        "cc": addresses(msg, "cc"),
        "bcc": addresses(msg, "bcc"),
        "subject": str(msg["subject"]) if msg["subject"] is not None else None,
        "headers": headers,
        "structure": structure(msg),
        "parts": parts,
    }
    sys.stdout.write(json.dumps(out, ensure_ascii=True))


def structure(part):
    if part.is_multipart():
        return part.get_content_type() + "(" + ",".join(structure(p) for p in part.iter_parts()) + ")"
    return part.get_content_type()


if __name__ == "__main__":
    main()
